package io.imagepipe.request;

import java.util.List;

/** The header row of a request's CSV as written, and the index of its input image URLs column. */
public record InputLayout(List<String> header, int urlsColumn) {
}
