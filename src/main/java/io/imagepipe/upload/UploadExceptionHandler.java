package io.imagepipe.upload;

import io.imagepipe.common.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Answers upload problems as RFC 9457 problem details. */
@RestControllerAdvice(assignableTypes = UploadController.class)
class UploadExceptionHandler {

    @ExceptionHandler(InvalidCsvException.class)
    ProblemDetail invalidCsv(InvalidCsvException e) {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "invalid-csv", "Invalid CSV",
                e.errors().size() + " problem(s) found; nothing was stored");
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler({UploadTooLargeException.class, MaxUploadSizeExceededException.class})
    ProblemDetail tooLarge(RuntimeException e) {
        return ProblemTypes.problem(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "Upload too large", e.getMessage());
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ProblemDetail idempotencyConflict(IdempotencyConflictException e) {
        return ProblemTypes.problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                "Idempotency key reused", e.getMessage());
    }
}
