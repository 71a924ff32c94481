package io.imagepipe.processor;

/** A job: fetch {@code sourceUrl}, compress it, store it, and post the result to {@code callbackUrl}. */
record Job(String jobId, int attempt, String sourceUrl, String callbackUrl) {

    /** What is wrong with this job, or null when it can be taken. */
    String problem() {
        if (jobId == null || jobId.isBlank() || jobId.length() > 200) {
            return "jobId is required (at most 200 characters)";
        }
        if (attempt < 1) {
            return "attempt must be 1 or more";
        }
        if (!isHttpUrl(sourceUrl)) {
            return "sourceUrl must be an absolute http(s) URL";
        }
        if (!isHttpUrl(callbackUrl)) {
            return "callbackUrl must be an absolute http(s) URL";
        }
        return null;
    }

    private static boolean isHttpUrl(String url) {
        try {
            java.net.URI uri = new java.net.URI(url);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return false;
        }
    }
}
