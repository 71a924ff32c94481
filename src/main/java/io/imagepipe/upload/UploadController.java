package io.imagepipe.upload;

import io.imagepipe.common.ConditionalOnRole;
import io.imagepipe.common.Role;
import io.imagepipe.request.RequestId;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/v1/requests}: a CSV as a multipart part {@code file} or as a raw {@code text/csv} body. */
@RestController
@ConditionalOnRole(Role.API)
@RequestMapping("/api/v1/requests")
class UploadController {

    private final UploadService uploads;
    private final WebhookUrlValidator webhookUrls = new WebhookUrlValidator();

    UploadController(UploadService uploads) {
        this.uploads = uploads;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<UploadResponse> uploadMultipart(@RequestPart("file") MultipartFile file,
                                                   @RequestParam(name = "webhookUrl", required = false) String webhookUrl,
                                                   @RequestHeader(name = "Idempotency-Key", required = false) String key)
            throws IOException {
        try (InputStream body = file.getInputStream()) {
            return accepted(body, webhookUrl, key);
        }
    }

    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<UploadResponse> uploadRaw(HttpServletRequest request,
                                             @RequestParam(name = "webhookUrl", required = false) String webhookUrl,
                                             @RequestHeader(name = "Idempotency-Key", required = false) String key)
            throws IOException {
        try (InputStream body = request.getInputStream()) {
            return accepted(body, webhookUrl, key);
        }
    }

    private ResponseEntity<UploadResponse> accepted(InputStream body, String webhookUrl, String key) throws IOException {
        String webhook = webhookUrls.check(webhookUrl);
        RequestId id = uploads.upload(body, webhook, key == null || key.isBlank() ? null : key.strip());
        String statusUrl = "/api/v1/requests/" + id;
        return ResponseEntity.accepted()
                .location(URI.create(statusUrl))
                .body(new UploadResponse(id.toString(), "PENDING", statusUrl));
    }
}
