package io.imagepipe.upload;

import java.util.ArrayList;
import java.util.List;

/** Collects problems up to a maximum; past it, parsing may stop. */
final class CsvErrors {

    private final int max;
    private final List<CsvError> errors = new ArrayList<>();

    CsvErrors(int max) {
        this.max = max;
    }

    void add(long line, String column, String message) {
        if (errors.size() < max) {
            errors.add(new CsvError(line, column, message));
        }
    }

    boolean full() {
        return errors.size() >= max;
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws {@link InvalidCsvException} when there is any problem. */
    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidCsvException(errors);
        }
    }
}
