package io.imagepipe.request;

import static io.imagepipe.request.ImageStatus.FAILED;
import static io.imagepipe.request.ImageStatus.PENDING;
import static io.imagepipe.request.ImageStatus.PROCESSING;
import static io.imagepipe.request.ImageStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImageStatusTest {

    @Test
    void onlySucceededAndFailedAreFinal() {
        assertThat(EnumSet.allOf(ImageStatus.class)).filteredOn(ImageStatus::isFinal)
                .containsExactlyInAnyOrder(SUCCEEDED, FAILED);
    }

    @Test
    void aPendingImageMayOnlyStartProcessing() {
        assertThat(EnumSet.allOf(ImageStatus.class)).filteredOn(PENDING::canMoveTo).containsExactly(PROCESSING, FAILED);
    }

    @Test
    void aProcessingImageMayFinishBeRedispatchedOrBeGivenBack() {
        assertThat(EnumSet.allOf(ImageStatus.class)).filteredOn(PROCESSING::canMoveTo)
                .containsExactlyInAnyOrder(PENDING, PROCESSING, SUCCEEDED, FAILED);
    }

    @ParameterizedTest
    @EnumSource(names = {"SUCCEEDED", "FAILED"})
    void aFinishedImageNeverChangesAgain(ImageStatus finished) {
        assertThat(EnumSet.allOf(ImageStatus.class)).filteredOn(finished::canMoveTo).isEmpty();
    }

    @Test
    void onlyAProcessingImageIsGivenBackToPending() {
        assertThat(ImageStatus.sourcesOf(PENDING)).containsExactly(PROCESSING);
    }

    @Test
    void aPendingOrProcessingImageMayBeDispatched() {
        assertThat(ImageStatus.sourcesOf(PROCESSING)).containsExactlyInAnyOrder(PENDING, PROCESSING);
    }

    @Test
    void onlyAProcessingImageSucceeds() {
        assertThat(ImageStatus.sourcesOf(SUCCEEDED)).containsExactly(PROCESSING);
    }

    @Test
    void aPendingImageFailsOnlyWhenItsTaskIsDeadLetteredAndAProcessingOneWhenItsAttemptFails() {
        assertThat(ImageStatus.sourcesOf(FAILED)).containsExactlyInAnyOrder(PENDING, PROCESSING);
    }
}
