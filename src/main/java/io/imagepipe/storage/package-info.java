/** Where processed images live: local disk by default, served at {@code /files/{key}}. */
package io.imagepipe.storage;
