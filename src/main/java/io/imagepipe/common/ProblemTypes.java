package io.imagepipe.common;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details with ImagePipe's stable {@code type} URIs. */
public final class ProblemTypes {

    private static final String BASE = "https://imagepipe.io/problems/";

    private ProblemTypes() {
    }

    /** A problem of the given stable type name (for example {@code invalid-csv}) with a human detail. */
    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
