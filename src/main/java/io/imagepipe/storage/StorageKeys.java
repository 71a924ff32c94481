package io.imagepipe.storage;

import java.util.regex.Pattern;

/** The shape of a storage key, checked before it touches a file system. */
final class StorageKeys {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*(\\.[A-Za-z0-9]+)?");

    private StorageKeys() {
    }

    static boolean isValid(String key) {
        return key != null && key.length() <= 255 && KEY.matcher(key).matches();
    }

    static String require(String key) {
        if (!isValid(key)) {
            throw new IllegalArgumentException("invalid storage key: " + key);
        }
        return key;
    }
}
