package io.imagepipe.processor;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/** Chooses the JPEG codec once: libjpeg-turbo when the library loads, else ImageIO, saying so in the log and in {@code /actuator/info}. */
final class JpegCodecs implements InfoContributor {

    private static final Logger log = LoggerFactory.getLogger(JpegCodecs.class);

    private final JpegCodec codec;
    private final String fallbackReason;

    JpegCodecs(int handles) {
        this.codec = TurboJpegCodec.load(handles).<JpegCodec>map(c -> c).orElseGet(ImageIoJpegCodec::new);
        this.fallbackReason = TurboJpegCodec.unavailableReason().orElse(null);
        if (fallbackReason != null) {
            log.warn("libjpeg-turbo is not available ({}): JPEG goes through ImageIO, about half as fast. "
                    + "Install it with: apt-get install libturbojpeg0", fallbackReason);
        } else {
            log.info("JPEG codec: {}", codec.name());
        }
    }

    JpegCodec codec() {
        return codec;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("codec", fallbackReason == null
                ? Map.of("jpeg", codec.name(), "native", true)
                : Map.of("jpeg", codec.name(), "native", false, "reason", fallbackReason));
    }
}
