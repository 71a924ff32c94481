package io.imagepipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.imagepipe.testsupport.ApiClient;
import io.imagepipe.testsupport.ApiClient.StatusDocument;
import io.imagepipe.testsupport.TestImageServer;
import io.imagepipe.testsupport.TestImages;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default keeps everything across a restart: a request finished before it, and one accepted
 * just before it (its work waiting in the outbox or on the in-process broker's log) finishes after it.
 */
class EmbeddedRestartTest {

    @Test
    void aRestartKeepsEveryRequestAndImageAndFinishesWhatWasAccepted() throws Exception {
        Path dataDir = Files.createTempDirectory("imagepipe-restart");
        try (TestImageServer images = TestImageServer.start()) {
            String url = images.serve("/a.jpg", "image/jpeg", TestImages.jpeg(TestImages.photo(320, 240, 3), 90));
            String finished;
            String accepted;
            StatusDocument before;
            try (ConfigurableApplicationContext first = start(dataDir, "api,worker,processor")) {
                ApiClient api = client(first);
                finished = accept(api, "1,A," + url);
                before = await().atMost(Duration.ofSeconds(60)).until(() -> api.status(finished),
                        s -> s.status().equals("COMPLETED"));
            }
            try (ConfigurableApplicationContext apiOnly = start(dataDir, "api")) {
                accepted = accept(client(apiOnly), "1,B," + url + "?again");
            }
            try (ConfigurableApplicationContext second = start(dataDir, "api,worker,processor")) {
                ApiClient api = client(second);
                StatusDocument after = api.status(finished);
                assertThat(after.status()).isEqualTo("COMPLETED");
                assertThat(after.products()).isEqualTo(before.products());
                HttpResponse<byte[]> output = api.getBytes(
                        after.products().getFirst().images().getFirst().outputUrl().replaceAll("^http://[^/]+", ""));
                assertThat(output.statusCode()).isEqualTo(200);
                assertThat(TestImages.decode(output.body()).getWidth()).isEqualTo(320);
                await().atMost(Duration.ofSeconds(60)).until(() -> api.status(accepted).status().equals("COMPLETED"));
            }
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, String roles) {
        return new SpringApplicationBuilder(ImagePipeApplication.class).run("--server.port=0",
                "--imagepipe.data-dir=" + dataDir, "--imagepipe.roles=" + roles,
                "--imagepipe.fetch.allowed-networks=127.0.0.1/32", "--spring.main.banner-mode=off");
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }

    private static String accept(ApiClient api, String row) {
        HttpResponse<String> response = api.postCsv("S. No.,Product Name,Input Image Urls\n" + row + "\n");
        assertThat(response.statusCode()).isEqualTo(202);
        return (String) ApiClient.json(response.body()).get("requestId");
    }
}
