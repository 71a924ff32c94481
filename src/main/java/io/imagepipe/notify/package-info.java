/** Signed {@code request.completed} webhooks to clients, recorded in the transaction that finishes a request and retried with backoff. */
package io.imagepipe.notify;
