/** The webhook handler: verifies the image processing service's signed callbacks and records each result through {@code request}. */
package io.imagepipe.callback;
