package io.imagepipe.upload;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The three columns ImagePipe reads, each recognised by many spellings of its header. */
enum ColumnRole {
    SERIAL_NUMBER("S. No.", Set.of("sno", "serialno", "serialnumber", "srno", "serial", "slno", "no", "number")),
    PRODUCT_NAME("Product Name", Set.of("productname", "product", "name", "productnames")),
    INPUT_IMAGE_URLS("Input Image Urls", Set.of("inputimageurls", "inputimageurl", "inputurls", "inputurl",
            "imageurls", "imageurl", "urls", "inputimages", "images"));

    private final String canonical;
    private final Set<String> spellings;

    ColumnRole(String canonical, Set<String> spellings) {
        this.canonical = canonical;
        this.spellings = spellings;
    }

    /** The header as SPEC section 3 writes it. */
    String canonical() {
        return canonical;
    }

    /** The role a header names, regardless of case, spacing and punctuation. */
    static Optional<ColumnRole> of(String header) {
        String key = normalise(header);
        for (ColumnRole role : values()) {
            if (role.spellings.contains(key)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    static String normalise(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
