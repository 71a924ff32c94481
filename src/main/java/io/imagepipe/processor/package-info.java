/**
 * The image processing service: its own signed HTTP job API, a job executor, the fetcher, the codecs,
 * storage of outputs and signed callbacks. It knows nothing of requests, Kafka or the database.
 */
package io.imagepipe.processor;
