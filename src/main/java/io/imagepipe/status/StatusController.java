package io.imagepipe.status;

import io.imagepipe.common.ConditionalOnRole;
import io.imagepipe.common.ProblemTypes;
import io.imagepipe.common.Role;
import io.imagepipe.request.InputLayout;
import io.imagepipe.request.RequestId;
import io.imagepipe.request.RequestSummary;
import io.imagepipe.request.Requests;
import io.imagepipe.status.StatusResponses.PageResponse;
import io.imagepipe.status.StatusResponses.RequestListResponse;
import io.imagepipe.status.StatusResponses.RequestStatusResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Status API: a request with its progress and products, the list of requests, and the output CSV. */
@RestController
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/requests")
class StatusController {

    private static final int MAX_PAGE_SIZE = 1000;

    private final Requests requests;
    private final StatusCache cache;
    private final JsonMapper json;

    StatusController(Requests requests, StatusCache cache, JsonMapper json) {
        this.requests = requests;
        this.cache = cache;
        this.json = json;
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> status(@PathVariable String id,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "100") int size,
                                  @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        RequestSummary summary = find(id);
        String etag = "\"" + page + "-" + size + "-" + summary.updatedAt().toInstant().getEpochSecond() + "."
                + summary.updatedAt().getNano() + "\"";
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        StatusCache.Key key = new StatusCache.Key(summary.id().toString(), page, size);
        byte[] document = cache.get(key, summary.updatedAt());
        if (document == null) {
            PageResponse pageInfo = page(page, size, requests.productCount(summary.id()));
            document = json.writeValueAsBytes(RequestStatusResponse.of(summary, pageInfo,
                    requests.products(summary.id(), pageInfo.page() * pageInfo.size(), pageInfo.size())));
            cache.put(key, summary.updatedAt(), document);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(etag).body(document);
    }

    @GetMapping
    RequestListResponse list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        PageResponse pageInfo = page(page, size, requests.count());
        return new RequestListResponse(requests.list(pageInfo.page() * pageInfo.size(), pageInfo.size()).stream()
                .map(summary -> RequestStatusResponse.of(summary, null, null))
                .toList(), pageInfo);
    }

    @GetMapping("/{id}/output.csv")
    void outputCsv(@PathVariable String id, HttpServletResponse response) throws IOException {
        RequestSummary summary = find(id);
        if (!summary.status().isFinal()) {
            throw new NotFinishedException(summary);
        }
        InputLayout layout = requests.layout(summary.id()).orElseThrow(() -> new UnknownRequestException(id));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"output-" + summary.id() + ".csv\"");
        Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        try (OutputCsvWriter csv = new OutputCsvWriter(out, layout)) {
            requests.forEachProduct(summary.id(), csv::write);
        }
    }

    private RequestSummary find(String id) {
        RequestId requestId;
        try {
            requestId = RequestId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new UnknownRequestException(id);
        }
        return requests.summary(requestId).orElseThrow(() -> new UnknownRequestException(id));
    }

    private static PageResponse page(int page, int size, long total) {
        int boundedSize = Math.clamp(size, 1, MAX_PAGE_SIZE);
        int totalPages = (int) Math.max(1, (total + boundedSize - 1) / boundedSize);
        return new PageResponse(Math.max(0, page), boundedSize, total, totalPages);
    }

    @ExceptionHandler(UnknownRequestException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownRequestException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemTypes.problem(HttpStatus.NOT_FOUND, "request-not-found", "Request not found", e.getMessage()));
    }

    @ExceptionHandler(NotFinishedException.class)
    ResponseEntity<ProblemDetail> notFinished(NotFinishedException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ProblemTypes.problem(HttpStatus.CONFLICT, "request-not-finished", "Request not finished", e.getMessage()));
    }

    /** No request with that ID. */
    static class UnknownRequestException extends RuntimeException {
        UnknownRequestException(String id) {
            super("no request " + id);
        }
    }

    /** The output CSV was asked for before the request finished. */
    static class NotFinishedException extends RuntimeException {
        NotFinishedException(RequestSummary summary) {
            super("request " + summary.id() + " is " + summary.status() + "; output.csv is ready once it finishes");
        }
    }
}
