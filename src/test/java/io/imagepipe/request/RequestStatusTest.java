package io.imagepipe.request;

import static io.imagepipe.request.RequestStatus.COMPLETED;
import static io.imagepipe.request.RequestStatus.COMPLETED_WITH_ERRORS;
import static io.imagepipe.request.RequestStatus.FAILED;
import static io.imagepipe.request.RequestStatus.PENDING;
import static io.imagepipe.request.RequestStatus.PROCESSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RequestStatusTest {

    @Test
    void onlyTheThreeCompletionStatesAreFinal() {
        assertThat(EnumSet.allOf(RequestStatus.class)).filteredOn(RequestStatus::isFinal)
                .containsExactlyInAnyOrder(COMPLETED, COMPLETED_WITH_ERRORS, FAILED);
    }

    @Test
    void aPendingRequestMayStartProcessingOrFinishAtOnce() {
        assertThat(EnumSet.allOf(RequestStatus.class)).filteredOn(PENDING::canMoveTo)
                .containsExactlyInAnyOrder(PROCESSING, COMPLETED, COMPLETED_WITH_ERRORS, FAILED);
    }

    @Test
    void aProcessingRequestMayOnlyFinish() {
        assertThat(EnumSet.allOf(RequestStatus.class)).filteredOn(PROCESSING::canMoveTo)
                .containsExactlyInAnyOrder(COMPLETED, COMPLETED_WITH_ERRORS, FAILED);
    }

    @ParameterizedTest
    @EnumSource(names = {"COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED"})
    void aFinishedRequestNeverChangesAgain(RequestStatus finished) {
        assertThat(EnumSet.allOf(RequestStatus.class)).filteredOn(finished::canMoveTo).isEmpty();
    }

    @Test
    void nothingMovesBackToPending() {
        assertThat(RequestStatus.sourcesOf(PENDING)).isEmpty();
    }

    @Test
    void onlyAPendingRequestStartsProcessing() {
        assertThat(RequestStatus.sourcesOf(PROCESSING)).containsExactly(PENDING);
    }

    @ParameterizedTest
    @EnumSource(names = {"COMPLETED", "COMPLETED_WITH_ERRORS", "FAILED"})
    void aFinalStateIsReachedFromPendingOrProcessing(RequestStatus finished) {
        assertThat(RequestStatus.sourcesOf(finished)).containsExactlyInAnyOrder(PENDING, PROCESSING);
    }

    @Test
    void allImagesSucceededIsCompleted() {
        assertThat(RequestStatus.finalFor(3, 0)).isEqualTo(COMPLETED);
        assertThat(RequestStatus.finalFor(1, 0)).isEqualTo(COMPLETED);
    }

    @Test
    void someImagesFailedIsCompletedWithErrors() {
        assertThat(RequestStatus.finalFor(2, 1)).isEqualTo(COMPLETED_WITH_ERRORS);
        assertThat(RequestStatus.finalFor(1, 5)).isEqualTo(COMPLETED_WITH_ERRORS);
    }

    @Test
    void allImagesFailedIsFailed() {
        assertThat(RequestStatus.finalFor(0, 4)).isEqualTo(FAILED);
        assertThat(RequestStatus.finalFor(0, 1)).isEqualTo(FAILED);
    }

    @Test
    void aRequestWithoutImagesHasNoFinalState() {
        assertThatIllegalArgumentException().isThrownBy(() -> RequestStatus.finalFor(0, 0))
                .withMessageContaining("at least one image");
    }

    @Test
    void negativeCountsHaveNoFinalState() {
        assertThatIllegalArgumentException().isThrownBy(() -> RequestStatus.finalFor(-1, 2));
        assertThatIllegalArgumentException().isThrownBy(() -> RequestStatus.finalFor(2, -1));
    }
}
