/** Status API: {@code GET /api/v1/requests/{id}}, the list of requests, and {@code output.csv}. */
package io.imagepipe.status;
