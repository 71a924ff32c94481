package io.imagepipe.upload;

import io.imagepipe.request.IdempotentUpload;
import io.imagepipe.request.NewProduct;
import io.imagepipe.request.RequestDraft;
import io.imagepipe.request.RequestId;
import io.imagepipe.request.RequestWriter;
import io.imagepipe.request.Requests;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns an uploaded CSV into a stored, queued request, or into a list of problems. The file streams
 * through the parser into the database inside one transaction: memory does not grow with the file, and a
 * problem anywhere rolls everything back, so nothing of an invalid file is stored or queued.
 */
@Service
class UploadService {

    private final Requests requests;
    private final UploadProperties properties;
    private final CsvRequestParser parser;
    private final TransactionTemplate transactions;

    UploadService(Requests requests, UploadProperties properties, TransactionTemplate transactions) {
        this.requests = requests;
        this.properties = properties;
        this.parser = new CsvRequestParser(properties);
        this.transactions = transactions;
    }

    /**
     * Reads, validates and accepts a CSV.
     *
     * @throws InvalidCsvException when the CSV has problems; nothing is stored
     * @throws UploadTooLargeException when the body exceeds the size limit
     * @throws IdempotencyConflictException when the key was used for a different file, or is being used right now
     */
    RequestId upload(InputStream body, String webhookUrl, String idempotencyKey) {
        LimitedInputStream counted = new LimitedInputStream(body, properties.maxFileSize().toBytes());
        if (idempotencyKey != null) {
            Optional<IdempotentUpload> earlier = requests.findByIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                parser.parse(counted, new DiscardingSink());
                if (!earlier.get().contentSha256().equals(counted.sha256())) {
                    throw new IdempotencyConflictException(idempotencyKey);
                }
                return earlier.get().requestId();
            }
        }
        RequestDraft draft = new RequestDraft(RequestId.random(), webhookUrl, idempotencyKey);
        try {
            return transactions.execute(status -> {
                StoringSink sink = new StoringSink(draft);
                parser.parse(counted, sink);
                return sink.writer.finish(counted.sha256());
            });
        } catch (DuplicateKeyException e) {
            throw new IdempotencyConflictException(idempotencyKey);
        }
    }

    /** Stores the request as the parser reads it. */
    private final class StoringSink implements ProductSink {

        private final RequestDraft draft;
        private RequestWriter writer;

        StoringSink(RequestDraft draft) {
            this.draft = draft;
        }

        @Override
        public void header(List<String> names, int urlsColumn) {
            writer = requests.begin(draft, names, urlsColumn);
        }

        @Override
        public void product(NewProduct product) {
            writer.add(product);
        }
    }

    /** Only validates, for a repeated idempotency key whose file must be compared with the first one. */
    private static final class DiscardingSink implements ProductSink {

        @Override
        public void header(List<String> names, int urlsColumn) {
        }

        @Override
        public void product(NewProduct product) {
        }
    }
}
