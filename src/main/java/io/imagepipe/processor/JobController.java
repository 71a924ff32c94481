package io.imagepipe.processor;

import io.imagepipe.common.ConditionalOnRole;
import io.imagepipe.common.ProblemTypes;
import io.imagepipe.common.Role;
import io.imagepipe.signing.SignedHeaders;
import io.imagepipe.signing.Signers;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The image processing service's job API, {@code POST /processor/v1/jobs}: a signed job, or a batch
 * {@code {"jobs": [...]}} of up to {@value #MAX_BATCH}, answered at once with {@code 202}, or {@code 429}
 * with {@code Retry-After} when the queue has no room for all of them (then none is taken).
 */
@RestController
@ConditionalOnRole(Role.PROCESSOR)
class JobController {

    static final int MAX_BATCH = 500;

    private final JobExecutor executor;
    private final Signers signers;
    private final JsonMapper json;

    JobController(JobExecutor executor, Signers signers, JsonMapper json) {
        this.executor = executor;
        this.signers = signers;
        this.json = json;
    }

    @PostMapping("/processor/v1/jobs")
    ResponseEntity<?> submit(@RequestBody byte[] body,
                             @RequestHeader(name = SignedHeaders.ID, required = false) String id,
                             @RequestHeader(name = SignedHeaders.TIMESTAMP, required = false) String timestamp,
                             @RequestHeader(name = SignedHeaders.SIGNATURE, required = false) String signature) {
        signers.processor().verify(id, timestamp, signature, body);
        List<Job> jobs;
        try {
            JsonNode tree = json.readTree(body);
            jobs = tree.has("jobs") ? List.of(json.treeToValue(tree.get("jobs"), Job[].class))
                    : List.of(json.treeToValue(tree, Job.class));
        } catch (JacksonException | NullPointerException e) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-job", "Invalid job", "the body is not a job or a batch of jobs");
        }
        if (jobs.isEmpty() || jobs.size() > MAX_BATCH) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-job", "Invalid job",
                    "a batch holds 1 to " + MAX_BATCH + " jobs, not " + jobs.size());
        }
        for (Job job : jobs) {
            String problem = job == null ? "a job is null" : job.problem();
            if (problem != null) {
                return problem(HttpStatus.BAD_REQUEST, "invalid-job", "Invalid job", problem);
            }
        }
        if (!executor.submit(jobs)) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "1")
                    .body(ProblemTypes.problem(HttpStatus.TOO_MANY_REQUESTS, "queue-full", "Queue full",
                            "the image processing service is at capacity; retry later"));
        }
        return ResponseEntity.accepted().body(Map.of("accepted", jobs.size()));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        return ResponseEntity.status(status).body(ProblemTypes.problem(status, type, title, detail));
    }
}
