package io.imagepipe.storage;

/** Stores processed images under keys and says at which URL each can be fetched. */
public interface ObjectStorage {

    /**
     * Stores the bytes under the key, replacing what was there, and returns the public URL.
     *
     * @param key letters, digits, {@code /}, {@code -}, {@code _} and {@code .}; no {@code ..}
     */
    String put(String key, byte[] bytes, String contentType);
}
