package io.imagepipe.callback;

import io.imagepipe.common.ConditionalOnRole;
import io.imagepipe.common.ProblemTypes;
import io.imagepipe.common.Role;
import io.imagepipe.request.ImageRef;
import io.imagepipe.request.ImageResult;
import io.imagepipe.request.RecordOutcome;
import io.imagepipe.request.Requests;
import io.imagepipe.signing.SignedHeaders;
import io.imagepipe.signing.Signers;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/callbacks/images}: one result, or a batch {@code {"results": [...]}} recorded in one
 * transaction. Unsigned or wrongly signed callbacks get {@code 401} and change nothing; a repeated result,
 * or one for an outdated attempt, is answered {@code 200} with outcome {@code IGNORED} and changes nothing.
 */
@RestController
@ConditionalOnRole(Role.API)
class CallbackController {

    private final Requests requests;
    private final Signers signers;
    private final JsonMapper json;

    CallbackController(Requests requests, Signers signers, JsonMapper json) {
        this.requests = requests;
        this.signers = signers;
        this.json = json;
    }

    @PostMapping("/api/v1/callbacks/images")
    ResponseEntity<?> callback(@RequestBody byte[] body,
                               @RequestHeader(name = SignedHeaders.ID, required = false) String id,
                               @RequestHeader(name = SignedHeaders.TIMESTAMP, required = false) String timestamp,
                               @RequestHeader(name = SignedHeaders.SIGNATURE, required = false) String signature) {
        signers.processor().verify(id, timestamp, signature, body);
        JsonNode tree;
        List<ImageResult> results;
        try {
            tree = json.readTree(body);
            List<ImageCallback> callbacks = tree.has("results")
                    ? List.of(json.treeToValue(tree.get("results"), ImageCallback[].class))
                    : List.of(json.treeToValue(tree, ImageCallback.class));
            results = callbacks.stream().map(CallbackController::toResult).toList();
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            return ResponseEntity.badRequest().body(ProblemTypes.problem(HttpStatus.BAD_REQUEST, "invalid-callback",
                    "Invalid callback", String.valueOf(e.getMessage())));
        }
        if (tree.has("results")) {
            return ResponseEntity.ok(Map.of("outcomes", requests.recordAll(results).stream().map(Enum::name).toList()));
        }
        RecordOutcome outcome = requests.record(results.getFirst());
        if (outcome == RecordOutcome.UNKNOWN_IMAGE) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemTypes.problem(HttpStatus.NOT_FOUND,
                    "unknown-image", "Unknown image", "no image " + results.getFirst().ref().jobId()));
        }
        return ResponseEntity.ok(Map.of("outcome", outcome.name()));
    }

    private static ImageResult toResult(ImageCallback callback) {
        ImageRef ref = ImageRef.parseJobId(callback.jobId());
        return switch (String.valueOf(callback.status())) {
            case "SUCCEEDED" -> {
                if (callback.outputUrl() == null || callback.outputUrl().isBlank()) {
                    throw new IllegalArgumentException("a SUCCEEDED callback needs an outputUrl");
                }
                yield ImageResult.succeeded(ref, callback.attempt(), callback.outputUrl());
            }
            case "FAILED" -> ImageResult.failed(ref, callback.attempt(),
                    callback.error() == null || callback.error().isBlank() ? "failed without a reason" : callback.error());
            default -> throw new IllegalArgumentException("status must be SUCCEEDED or FAILED");
        };
    }
}
