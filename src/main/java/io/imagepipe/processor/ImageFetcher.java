package io.imagepipe.processor;

import io.imagepipe.common.AddressPolicy;

import java.net.InetAddress;
import java.time.Duration;

/**
 * Downloads a source image through the guarded client: follows at most the configured number of
 * redirects, each checked again (https → http refused), and retries transient failures with backoff
 * within one whole-download deadline; permanent failures (4xx, refused addresses) are not retried.
 */
class ImageFetcher {

    private final GuardedHttpClient client;
    private final Duration downloadTimeout;
    private final FetchProperties properties;

    ImageFetcher(ProcessorProperties processor, FetchProperties properties) {
        this(processor, properties, InetAddress::getAllByName);
    }

    ImageFetcher(ProcessorProperties processor, FetchProperties properties, GuardedHttpClient.HostResolver resolver) {
        this.client = new GuardedHttpClient(new AddressPolicy(properties.allowedCidrs()), processor.connectTimeout(),
                processor.maxSourceSize().toBytes(), resolver);
        this.downloadTimeout = processor.downloadTimeout();
        this.properties = properties;
    }

    /**
     * The source's bytes, held against the memory reservation until the caller closes it.
     *
     * @throws ImageFailure with a reason a user understands when the download fails
     */
    byte[] fetch(String url, MemoryBudget.Reservation memory) throws ImageFailure {
        SourceUrl source = SourceUrl.parse(url);
        Deadline deadline = Deadline.after(downloadTimeout);
        Duration backoff = properties.retryBackoff();
        for (int attempt = 0; ; attempt++) {
            try {
                return fetchFollowingRedirects(source, deadline, memory);
            } catch (TransientImageFailure e) {
                if (attempt >= properties.retries() || deadline.remainingMillis() <= backoff.toMillis()) {
                    throw e;
                }
                pause(backoff);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    private byte[] fetchFollowingRedirects(SourceUrl first, Deadline deadline, MemoryBudget.Reservation memory)
            throws ImageFailure {
        SourceUrl url = first;
        for (int redirects = 0; ; redirects++) {
            GuardedHttpClient.Outcome outcome = client.get(url, deadline, memory);
            if (outcome.location() == null) {
                return outcome.body();
            }
            if (redirects >= properties.maxRedirects()) {
                throw new ImageFailure("too many redirects (more than " + properties.maxRedirects() + ")");
            }
            SourceUrl next = url.resolve(outcome.location());
            if (url.https() && !next.https()) {
                throw new ImageFailure("redirect from https to http refused: " + next.uri());
            }
            url = next;
        }
    }

    private static void pause(Duration duration) throws ImageFailure {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageFailure("download interrupted", e);
        }
    }
}
