package io.imagepipe.storage;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /files/{key}}: processed images stored on local disk. Keys never change content, so they cache for long. */
@RestController
class FilesController {

    private final LocalDiskStorage storage;

    FilesController(LocalDiskStorage storage) {
        this.storage = storage;
    }

    @GetMapping("/files/**")
    ResponseEntity<Resource> file(HttpServletRequest request) {
        String key = request.getRequestURI().substring(request.getContextPath().length() + "/files/".length());
        return storage.find(key)
                .map(FilesController::serve)
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static ResponseEntity<Resource> serve(Path file) {
        Resource resource = new FileSystemResource(file);
        return ResponseEntity.ok()
                .contentType(MediaTypeFactory.getMediaType(resource).orElse(MediaType.APPLICATION_OCTET_STREAM))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .body(resource);
    }
}
