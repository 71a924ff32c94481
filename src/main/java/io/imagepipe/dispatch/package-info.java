/** The task queue: Kafka topics, task messages, and the outbox that queues a request's work in the transaction that stores it. */
package io.imagepipe.dispatch;
