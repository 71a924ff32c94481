package io.imagepipe.signing;

import io.imagepipe.common.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers every message whose signature does not verify with {@code 401} and a problem detail; nothing else happens. */
@RestControllerAdvice
class SignatureExceptionHandler {

    @ExceptionHandler(SignatureException.class)
    ProblemDetail badSignature(SignatureException e) {
        return ProblemTypes.problem(HttpStatus.UNAUTHORIZED, "bad-signature", "Bad signature", e.getMessage());
    }
}
