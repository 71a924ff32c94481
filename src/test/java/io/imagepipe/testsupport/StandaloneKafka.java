package io.imagepipe.testsupport;

import io.imagepipe.broker.EmbeddedKafkaBroker;
import java.nio.file.Path;

/** A one-node Kafka broker as a process of its own, for the fault tests: {@code StandaloneKafka <log dir> <port>}. */
public final class StandaloneKafka {

    private StandaloneKafka() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(Path.of(args[0]), Integer.parseInt(args[1]));
        broker.start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        System.out.println("KAFKA READY " + broker.bootstrapServers());
        Thread.currentThread().join();
    }
}
