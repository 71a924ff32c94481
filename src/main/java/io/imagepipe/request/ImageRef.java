package io.imagepipe.request;

import java.util.Objects;

/** One image of a request: the request's ID and the image's place among all the request's images. */
public record ImageRef(RequestId requestId, int seq) {

    private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("[0-9]{1,10}");

    public ImageRef {
        Objects.requireNonNull(requestId, "requestId");
        if (seq < 0) {
            throw new IllegalArgumentException("seq must not be negative: " + seq);
        }
    }

    /** The job ID the image processing service sees: {@code <request UUID>.<seq>}. */
    public String jobId() {
        return requestId + "." + seq;
    }

    /**
     * Parses a job ID made by {@link #jobId()}.
     *
     * @throws IllegalArgumentException when the text is not such an ID
     */
    public static ImageRef parseJobId(String jobId) {
        int dot = jobId == null ? -1 : jobId.lastIndexOf('.');
        if (dot < 0) {
            throw new IllegalArgumentException("not an image job ID: " + jobId);
        }
        String seq = jobId.substring(dot + 1);
        if (!DIGITS.matcher(seq).matches()) {
            throw new IllegalArgumentException("not an image job ID: " + jobId);
        }
        long number = Long.parseLong(seq);
        if (number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not an image job ID: " + jobId);
        }
        ImageRef ref = new ImageRef(RequestId.parse(jobId.substring(0, dot)), (int) number);
        if (!ref.jobId().equals(jobId)) {
            throw new IllegalArgumentException("not an image job ID in canonical form: " + jobId);
        }
        return ref;
    }
}
