package io.imagepipe.processor;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/** Downloads a source image over HTTP with a connect timeout, a whole-download deadline and a byte cap. */
class ImageFetcher {

    private final HttpClient http;
    private final Duration downloadTimeout;
    private final long maxBytes;

    ImageFetcher(Duration connectTimeout, Duration downloadTimeout, long maxBytes) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.downloadTimeout = downloadTimeout;
        this.maxBytes = maxBytes;
    }

    /**
     * The source's bytes.
     *
     * @throws ImageFailure with a reason a user understands when the download fails
     */
    byte[] fetch(String url) throws ImageFailure {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(downloadTimeout)
                .header("Accept", "image/*")
                .header("User-Agent", "ImagePipe/1.0")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                int status = response.statusCode();
                if (status != 200) {
                    throw new ImageFailure("HTTP " + status + " from the source");
                }
                long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                if (declared > maxBytes) {
                    throw new ImageFailure(tooLarge(declared));
                }
                byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new ImageFailure(tooLarge(bytes.length) + " (or more)");
                }
                return bytes;
            }
        } catch (HttpConnectTimeoutException e) {
            throw new ImageFailure("could not connect to the source: timed out", e);
        } catch (HttpTimeoutException e) {
            throw new ImageFailure("the source did not send the image within " + downloadTimeout.toSeconds() + " s", e);
        } catch (ConnectException e) {
            throw new ImageFailure("could not connect to the source: connection refused", e);
        } catch (IOException e) {
            throw new ImageFailure("download failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageFailure("download interrupted", e);
        }
    }

    private String tooLarge(long bytes) {
        return String.format(Locale.ROOT, "source too large: %.1f MB > %.1f MB", bytes / 1048576.0, maxBytes / 1048576.0);
    }
}
