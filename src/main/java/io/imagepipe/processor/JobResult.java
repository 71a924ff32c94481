package io.imagepipe.processor;

/** The callback body: a job's attempt either SUCCEEDED with an output URL or FAILED with a reason. */
record JobResult(String jobId, int attempt, String status, String outputUrl, String error, Integer width,
                 Integer height, Long bytes) {

    static JobResult succeeded(Job job, String outputUrl, EncodedImage image) {
        return new JobResult(job.jobId(), job.attempt(), "SUCCEEDED", outputUrl, null, image.width(), image.height(),
                (long) image.bytes().length);
    }

    static JobResult failed(Job job, String error) {
        return new JobResult(job.jobId(), job.attempt(), "FAILED", null, error, null, null, null);
    }
}
