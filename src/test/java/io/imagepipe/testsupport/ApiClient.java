package io.imagepipe.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for ImagePipe's API in tests, over a real socket. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** POSTs a raw {@code text/csv} body, with extra headers as name/value pairs. */
    public HttpResponse<String> postCsv(String csv, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/requests"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** POSTs a CSV as a {@code multipart/form-data} part. */
    public HttpResponse<String> postMultipart(String part, String filename, String csv) {
        String boundary = "----imagepipe" + System.nanoTime();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + part + "\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return post("/api/v1/requests", "multipart/form-data; boundary=" + boundary, body.getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs any body to a path. */
    public HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** GETs a path (or an absolute URL) as text, with extra headers as name/value pairs. */
    public HttpResponse<String> get(String pathOrUrl, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** GETs a path (or an absolute URL) as bytes. */
    public HttpResponse<byte[]> getBytes(String pathOrUrl) {
        try {
            return http.send(HttpRequest.newBuilder(uri(pathOrUrl)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request's status document with every product (up to 1,000). */
    public StatusDocument status(String requestId) {
        return status(requestId, 1000);
    }

    /** A request's status document with at most {@code products} products: cheap to poll with 1. */
    public StatusDocument status(String requestId, int products) {
        HttpResponse<String> response = get("/api/v1/requests/" + requestId + "?size=" + products);
        if (response.statusCode() != 200) {
            throw new AssertionError("status of " + requestId + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readValue(response.body(), StatusDocument.class);
    }

    /** Parses a JSON body into a map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(String body) {
        return JSON.readValue(body, Map.class);
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET /api/v1/requests/{id}} as the tests read it. */
    public record StatusDocument(String requestId, String status, Progress progress, String outputCsvUrl,
                                 List<Product> products) {
    }

    public record Progress(int totalImages, int succeeded, int failed, int pending) {
    }

    public record Product(long serialNumber, String productName, List<Image> images) {
    }

    public record Image(String inputUrl, String outputUrl, String status, String error) {
    }
}
