package io.imagepipe.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageRefTest {

    private static final RequestId REQUEST = new RequestId(UUID.fromString("3f2b8c1e-6a4d-4f0e-9b7a-2c5d8e1f0a9b"));

    @Test
    void theJobIdIsTheRequestUuidDotSeq() {
        assertThat(new ImageRef(REQUEST, 42).jobId()).isEqualTo("3f2b8c1e-6a4d-4f0e-9b7a-2c5d8e1f0a9b.42");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 42, Integer.MAX_VALUE})
    void aJobIdParsesBackToTheSameRef(int seq) {
        ImageRef ref = new ImageRef(RequestId.random(), seq);

        ImageRef parsed = ImageRef.parseJobId(ref.jobId());

        assertThat(parsed).isEqualTo(ref);
        assertThat(parsed.jobId()).isEqualTo(ref.jobId());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "3f2b8c1e-6a4d-4f0e-9b7a-2c5d8e1f0a9b",
            "3f2b8c1e-6a4d-4f0e-9b7a-2c5d8e1f0a9b.",
            "3f2b8c1e-6a4d-4f0e-9b7a-2c5d8e1f0a9b.x",
            "3f2b8c1e-6a4d-4f0e-9b7a-2c5d8e1f0a9b.-1",
            "3f2b8c1e-6a4d-4f0e-9b7a-2c5d8e1f0a9b.1.5",
            "3f2b8c1e-6a4d-4f0e-9b7a-2c5d8e1f0a9b.99999999999",
            "not-a-uuid.3",
            "1-1-1-1-1.7",
            "3f2b8c1e-6a4d-4f0e-9b7a-2c5d8e1f0a9b.+7",
            "3f2b8c1e-6a4d-4f0e-9b7a-2c5d8e1f0a9b.\u0663",
            "3F2B8C1E-6A4D-4F0E-9B7A-2C5D8E1F0A9B.1",
            ".3",
            "3"})
    void aBadJobIdIsRejected(String jobId) {
        assertThatIllegalArgumentException().isThrownBy(() -> ImageRef.parseJobId(jobId));
    }

    @Test
    void aNegativeSeqIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ImageRef(REQUEST, -1))
                .withMessageContaining("-1");
    }

    @Test
    void aRefNeedsARequest() {
        assertThatNullPointerException().isThrownBy(() -> new ImageRef(null, 0));
    }
}
