/** The in-process one-node Kafka broker (KRaft) that the embedded default runs when no external cluster is configured. */
package io.imagepipe.broker;
