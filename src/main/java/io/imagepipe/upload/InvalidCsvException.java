package io.imagepipe.upload;

import java.util.List;

/** An uploaded CSV with at least one problem; nothing of it was stored. */
public class InvalidCsvException extends RuntimeException {

    private final List<CsvError> errors;

    public InvalidCsvException(List<CsvError> errors) {
        super(errors.size() + " problem(s) in the CSV, first: line " + errors.getFirst().line() + ": "
                + errors.getFirst().message());
        this.errors = List.copyOf(errors);
    }

    /** Every problem found, up to the configured maximum; never empty. */
    public List<CsvError> errors() {
        return errors;
    }
}
