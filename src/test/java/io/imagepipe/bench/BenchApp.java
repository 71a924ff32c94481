package io.imagepipe.bench;

import io.imagepipe.ImagePipeApplication;
import io.imagepipe.testsupport.ApiClient;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** An ImagePipe instance on the embedded defaults in this JVM, with its own data folder and port. */
final class BenchApp implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final ApiClient api;

    private BenchApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new ApiClient(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    static BenchApp start(String roles, String... extra) throws Exception {
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("imagepipe.roles", roles);
        properties.put("imagepipe.data-dir", Files.createTempDirectory("imagepipe-bench").toString());
        properties.put("imagepipe.fetch.allowed-networks", "127.0.0.1/32");
        properties.put("imagepipe.upload.max-file-size", "100MB");
        properties.put("logging.level.root", "WARN");
        properties.put("spring.main.banner-mode", "off");
        for (String setting : System.getProperty("bench.app", "").split(" ")) {
            if (setting.contains("=")) {
                properties.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
            }
        }
        for (int i = 0; i + 1 < extra.length; i += 2) {
            properties.put(extra[i], extra[i + 1]);
        }
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new BenchApp(new SpringApplicationBuilder(ImagePipeApplication.class).run(args));
    }

    @Override
    public void close() {
        context.close();
    }
}
