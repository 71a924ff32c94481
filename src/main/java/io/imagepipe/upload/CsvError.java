package io.imagepipe.upload;

/** One problem in an uploaded CSV: the line it starts on (1-based), the column's header as written (null for a whole row), and what is wrong. */
public record CsvError(long line, String column, String message) {
}
