package io.imagepipe.upload;

import io.imagepipe.request.IdempotentUpload;
import io.imagepipe.request.NewRequest;
import io.imagepipe.request.RequestId;
import io.imagepipe.request.Requests;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Turns an uploaded CSV into a stored, queued request, or into a list of problems. */
@Service
class UploadService {

    private final Requests requests;
    private final UploadProperties properties;
    private final CsvRequestParser parser;

    UploadService(Requests requests, UploadProperties properties) {
        this.requests = requests;
        this.properties = properties;
        this.parser = new CsvRequestParser(properties);
    }

    /**
     * Reads, validates and accepts a CSV.
     *
     * @throws InvalidCsvException when the CSV has problems; nothing is stored
     * @throws UploadTooLargeException when the body exceeds the size limit
     * @throws IdempotencyConflictException when the key was used for a different file
     */
    RequestId upload(InputStream body, String webhookUrl, String idempotencyKey) throws IOException {
        LimitedInputStream counted = new LimitedInputStream(body, properties.maxFileSize().toBytes());
        ParsedCsv csv = parser.parse(counted);
        String sha256 = counted.sha256();
        if (idempotencyKey != null) {
            Optional<RequestId> earlier = earlier(idempotencyKey, sha256);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        NewRequest request = new NewRequest(RequestId.random(), csv.header(), csv.urlsColumn(), csv.products(), webhookUrl,
                idempotencyKey, sha256);
        try {
            return requests.accept(request);
        } catch (DuplicateKeyException e) {
            return earlier(idempotencyKey, sha256).orElseThrow(() -> e);
        }
    }

    private Optional<RequestId> earlier(String key, String sha256) {
        Optional<IdempotentUpload> found = requests.findByIdempotencyKey(key);
        if (found.isPresent() && !found.get().contentSha256().equals(sha256)) {
            throw new IdempotencyConflictException(key);
        }
        return found.map(IdempotentUpload::requestId);
    }
}
