package io.imagepipe;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point: one process running the roles named in {@code imagepipe.roles}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ImagePipeApplication {

    public static void main(String[] args) {
        SpringApplication.run(ImagePipeApplication.class, args);
    }
}
