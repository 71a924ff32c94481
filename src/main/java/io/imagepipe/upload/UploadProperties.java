package io.imagepipe.upload;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** Limits on an uploaded CSV (SPEC section 3). */
@Validated
@ConfigurationProperties("imagepipe.upload")
public record UploadProperties(
        @NotNull @DefaultValue("50MB") DataSize maxFileSize,
        @Min(1) @DefaultValue("100000") int maxRows,
        @Min(1) @DefaultValue("50") int maxUrlsPerRow,
        @Min(16) @Max(8192) @DefaultValue("2048") int maxUrlLength,
        @Min(1) @DefaultValue("100") int maxErrors) {
}
