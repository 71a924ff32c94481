/** Upload API: CSV parsing and validation, {@code POST /api/v1/requests}, idempotency keys. */
package io.imagepipe.upload;
