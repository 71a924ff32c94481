package io.imagepipe.worker;

/** The JSON body of a job sent to {@code POST /processor/v1/jobs}. */
record JobPayload(String jobId, int attempt, String sourceUrl, String callbackUrl) {
}
