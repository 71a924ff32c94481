/** The request and image aggregate: state machines, progress counters, storage, and the events {@code RequestAccepted} and {@code RequestFinished}. */
package io.imagepipe.request;
