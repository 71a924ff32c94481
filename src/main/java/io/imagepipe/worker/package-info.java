/** Workers: consume tasks from Kafka, claim their images, send each as a signed job to the image processing service, and re-dispatch images whose callback never came. */
package io.imagepipe.worker;
