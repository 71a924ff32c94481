package io.imagepipe.processor;

import static io.imagepipe.testsupport.HostileServer.head;
import static io.imagepipe.testsupport.HostileServer.ok;
import static io.imagepipe.testsupport.HostileServer.redirect;
import static io.imagepipe.testsupport.HostileServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagepipe.testsupport.HostileServer;
import io.imagepipe.testsupport.TestImages;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.unit.DataSize;

/** A table of hostile sources and servers, each with the failure a user is told; the guard allows only 127.0.0.1/32. */
class HostileSourceTest {

    static final byte[] PHOTO = TestImages.jpeg(TestImages.photo(320, 240, 1), 90);
    static final HostileServer SERVER = HostileServer.start()
            .on("/photo.jpg", ok("image/jpeg", PHOTO))
            .on("/drip.jpg", (out, hit) -> {
                head(out, "200 OK", "Content-Type: image/jpeg", "Content-Length: 100000");
                for (int i = 0; i < 100; i++) {
                    out.write(0xFF);
                    out.flush();
                    Thread.sleep(100);
                }
            })
            .on("/silent.jpg", (out, hit) -> Thread.sleep(5_000))
            .on("/endless.jpg", (out, hit) -> {
                head(out, "200 OK", "Content-Type: image/jpeg");
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 1_000; i++) {
                    out.write(chunk);
                }
            })
            .on("/claims-small.jpg", (out, hit) -> {
                head(out, "200 OK", "Content-Type: image/jpeg", "Transfer-Encoding: chunked");
                byte[] chunk = new byte[256 * 1024];
                for (int i = 0; i < 20; i++) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes());
                    out.write(chunk);
                    out.write("\r\n".getBytes());
                }
                out.write("0\r\n\r\n".getBytes());
            })
            .on("/declares-huge.jpg", (out, hit) -> head(out, "200 OK", "Content-Length: 33554432"))
            .on("/short-body.jpg", (out, hit) -> {
                head(out, "200 OK", "Content-Length: " + PHOTO.length);
                out.write(PHOTO, 0, PHOTO.length / 2);
            })
            .on("/to-private", redirect("http://127.0.0.2:1/photo.jpg"))
            .on("/to-localhost", redirect("/photo.jpg".replace("/photo.jpg", "http://localhost:1/photo.jpg")))
            .on("/to-metadata", redirect("http://169.254.169.254/latest/meta-data/"))
            .on("/to-photo", redirect("/photo.jpg"))
            .on("/loop", redirect("/loop"))
            .on("/to-ftp", redirect("ftp://example.com/a.jpg"))
            .on("/gone.jpg", status("404 Not Found"))
            .on("/busy-then-ok.jpg", (out, hit) -> (hit == 1 ? status("503 Service Unavailable") : ok("image/jpeg", PHOTO))
                    .respond(out, hit))
            .on("/always-busy.jpg", status("503 Service Unavailable"))
            .on("/html.jpg", ok("image/jpeg", "<!DOCTYPE html><html><body>hi</body></html>".getBytes()))
            .on("/svg.jpg", ok("image/jpeg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes()))
            .on("/pdf.jpg", ok("image/jpeg", "%PDF-1.7\n%âãÏÓ\n".getBytes()))
            .on("/bomb.png", ok("image/png", pngDeclaring(50_000, 50_000)))
            .on("/truncated.jpg", ok("image/jpeg", Arrays.copyOf(PHOTO, PHOTO.length / 2)));

    final ImageFetcher fetcher = new ImageFetcher(properties(), fetchProperties(), HostileSourceTest::resolve);
    final MemoryBudget memory = new MemoryBudget(DataSize.ofMegabytes(8).toBytes());
    final ImageTranscoder transcoder = new ImageTranscoder(
            TurboJpegCodec.load(1).orElseThrow(() -> new AssertionError("libjpeg-turbo did not load")), 50, 50_000_000);

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    static Stream<Arguments> hostileSources() {
        return Stream.of(
                Arguments.of("a server that drips one byte at a time", SERVER.url("/drip.jpg"), "did not send the image within 2 s"),
                Arguments.of("a server that never answers", SERVER.url("/silent.jpg"), "did not send the image within 2 s"),
                Arguments.of("a server that sends without end", SERVER.url("/endless.jpg"), "source too large: more than 1.0 MB"),
                Arguments.of("a chunked body past the cap", SERVER.url("/claims-small.jpg"), "source too large: more than 1.0 MB"),
                Arguments.of("a declared length past the cap", SERVER.url("/declares-huge.jpg"), "source too large: 32.0 MB > 1.0 MB"),
                Arguments.of("a body shorter than declared", SERVER.url("/short-body.jpg"), "closed the connection before sending the whole image"),
                Arguments.of("a redirect to a private address", SERVER.url("/to-private"), "address not allowed: 127.0.0.2"),
                Arguments.of("a redirect to localhost", SERVER.url("/to-localhost"), "host not allowed: localhost"),
                Arguments.of("a redirect to cloud metadata", SERVER.url("/to-metadata"), "address not allowed: 169.254.169.254"),
                Arguments.of("a redirect loop", SERVER.url("/loop"), "too many redirects (more than 5)"),
                Arguments.of("a redirect to ftp", SERVER.url("/to-ftp"), "only http and https URLs are fetched"),
                Arguments.of("a missing image", SERVER.url("/gone.jpg"), "HTTP 404 from the source"),
                Arguments.of("a server that stays busy", SERVER.url("/always-busy.jpg"), "HTTP 503 from the source"),
                Arguments.of("HTML served as JPEG", SERVER.url("/html.jpg"), "not an image: the source sent HTML"),
                Arguments.of("SVG served as JPEG", SERVER.url("/svg.jpg"), "not an image: the source sent XML or SVG"),
                Arguments.of("PDF served as JPEG", SERVER.url("/pdf.jpg"), "not an image: the source sent a PDF"),
                Arguments.of("a decompression bomb", SERVER.url("/bomb.png"), "too many pixels: 50000×50000 is 2500.0 MP > 50.0 MP"),
                Arguments.of("a truncated JPEG", SERVER.url("/truncated.jpg"), "the image is truncated"),
                Arguments.of("127.0.0.2", "http://127.0.0.2:" + SERVER.port() + "/photo.jpg", "address not allowed: 127.0.0.2"),
                Arguments.of("localhost", "http://localhost:" + SERVER.port() + "/photo.jpg", "host not allowed: localhost"),
                Arguments.of("IPv6 loopback", "http://[::1]:" + SERVER.port() + "/photo.jpg", "address not allowed: 0:0:0:0:0:0:0:1"),
                Arguments.of("IPv4-mapped loopback", "http://[::ffff:127.0.0.1]/a.jpg", "embedded IPv4 address not allowed"),
                Arguments.of("IPv4-mapped loopback in hex", "http://[::ffff:7f00:2]/a.jpg", "address not allowed: 127.0.0.2"),
                Arguments.of("NAT64 of loopback", "http://[64:ff9b::7f00:1]/a.jpg", "address not allowed: 64:ff9b:0:0:0:0:7f00:1"),
                Arguments.of("6to4 of loopback", "http://[2002:7f00:1::1]/a.jpg", "address not allowed: 2002:7f00:1:0:0:0:0:1"),
                Arguments.of("unique-local IPv6", "http://[fd00::1]/a.jpg", "address not allowed: fd00:0:0:0:0:0:0:1"),
                Arguments.of("link-local IPv6", "http://[fe80::1]/a.jpg", "address not allowed: fe80:0:0:0:0:0:0:1"),
                Arguments.of("carrier-grade NAT", "http://100.64.0.1/a.jpg", "address not allowed: 100.64.0.1"),
                Arguments.of("multicast", "http://224.0.0.1/a.jpg", "address not allowed: 224.0.0.1"),
                Arguments.of("the unspecified address", "http://0.0.0.0/a.jpg", "address not allowed: 0.0.0.0"),
                Arguments.of("a decimal IPv4 host", "http://2130706433/a.jpg", "numeric host in a non-canonical form: 2130706433"),
                Arguments.of("a hex IPv4 host", "http://0x7f.1/a.jpg", "numeric host in a non-canonical form: 0x7f.1"),
                Arguments.of("an octal IPv4 host", "http://017700000001/a.jpg", "numeric host in a non-canonical form: 017700000001"),
                Arguments.of("a short IPv4 host", "http://127.1/a.jpg", "numeric host in a non-canonical form: 127.1"),
                Arguments.of("credentials in the URL", "http://user:pw@127.0.0.1:" + SERVER.port() + "/photo.jpg", "user name or password"),
                Arguments.of("a user@host trick", "http://example.com@127.0.0.2/a.jpg", "user name or password"),
                Arguments.of("a name that resolves to a private address", "http://rebind.test/a.jpg", "address not allowed: 10.0.0.5"),
                Arguments.of("a name with one bad address among good ones", "http://mixed.test/a.jpg", "address not allowed: 192.168.1.1"),
                Arguments.of("a file URL", "file:///etc/passwd", "only http and https URLs are fetched"),
                Arguments.of("a gopher URL", "gopher://127.0.0.1/", "only http and https URLs are fetched"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileSources")
    void eachHostileSourceFailsItsImageWithAClearReason(String description, String url, String reason) {
        assertThatThrownBy(() -> transcoder.transcode(fetch(url)))
                .isInstanceOf(ImageFailure.class)
                .hasMessageContaining(reason);
    }

    @Test
    void aGoodImageBehindARedirectIsFetched() throws ImageFailure {
        assertThat(fetch(SERVER.url("/to-photo"))).isEqualTo(PHOTO);
    }

    @Test
    void aTransientErrorIsRetriedAndAPermanentOneIsNot() throws ImageFailure {
        assertThat(fetch(SERVER.url("/busy-then-ok.jpg"))).isEqualTo(PHOTO);
        assertThat(SERVER.hits("/busy-then-ok.jpg")).isEqualTo(2);

        assertThatThrownBy(() -> fetch(SERVER.url("/gone.jpg"))).hasMessageContaining("404");
        int gone = SERVER.hits("/gone.jpg");
        assertThatThrownBy(() -> fetch(SERVER.url("/gone.jpg"))).hasMessageContaining("404");
        assertThat(SERVER.hits("/gone.jpg")).isEqualTo(gone + 1);
    }

    @Test
    void aSourceThatStaysBusyIsTriedABoundedNumberOfTimes() {
        assertThatThrownBy(() -> fetch(SERVER.url("/always-busy.jpg"))).hasMessageContaining("503");
        assertThat(SERVER.hits("/always-busy.jpg")).isBetween(1, 3 * 2);
    }

    private byte[] fetch(String url) throws ImageFailure {
        try (MemoryBudget.Reservation reservation = memory.reservation()) {
            return fetcher.fetch(url, reservation);
        }
    }

    @Test
    void everyDownloadGivesItsMemoryBack() throws ImageFailure {
        long before = memory.available();

        fetch(SERVER.url("/photo.jpg"));
        org.assertj.core.api.Assertions.catchThrowable(() -> fetch(SERVER.url("/endless.jpg")));

        assertThat(memory.available()).isEqualTo(before);
    }

    @Test
    void aDownloadWaitsForMemoryAndFailsAsBusyWhenNoneFreesInTime() throws ImageFailure {
        MemoryBudget small = new MemoryBudget(PHOTO.length / 2);
        try (MemoryBudget.Reservation reservation = small.reservation()) {
            assertThatThrownBy(() -> fetcher.fetch(SERVER.url("/photo.jpg"), reservation))
                    .isInstanceOf(TransientImageFailure.class)
                    .hasMessageContaining("download memory is full");
        }
        assertThat(small.available()).isEqualTo(PHOTO.length / 2 / 1024 * 1024);
    }

    private static InetAddress[] resolve(String host) throws java.net.UnknownHostException {
        return switch (host) {
            case "rebind.test" -> new InetAddress[] {InetAddress.getByName("10.0.0.5")};
            case "mixed.test" -> new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("192.168.1.1")};
            default -> InetAddress.getAllByName(host);
        };
    }

    private static ProcessorProperties properties() {
        return new ProcessorProperties(10, 4, DataSize.ofMegabytes(8), 1, 50, DataSize.ofMegabytes(1), 50_000_000,
                Duration.ofSeconds(1), Duration.ofSeconds(2), 1, 100, Duration.ofMillis(20));
    }

    private static FetchProperties fetchProperties() {
        return new FetchProperties(List.of("127.0.0.1/32"), 5, 2, Duration.ofMillis(50));
    }

    /** A valid PNG header declaring the given size, with no pixels behind it: a decompression bomb's promise. */
    static byte[] pngDeclaring(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        chunk(png, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
