/** Standard Webhooks signing and verification for jobs, callbacks and client webhooks, with secrets kept in configuration. */
package io.imagepipe.signing;
