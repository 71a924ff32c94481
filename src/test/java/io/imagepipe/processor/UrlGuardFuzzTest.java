package io.imagepipe.processor;

import io.imagepipe.common.AddressPolicy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Fuzzes the fetch guard: strict source URL parsing, and the default address policy against ranges computed here. */
class UrlGuardFuzzTest {

    private final AddressPolicy policy = new AddressPolicy(List.of());

    @FuzzTest
    void sourceUrl(byte[] input) {
        SourceUrl url;
        try {
            url = SourceUrl.parse(new String(input, StandardCharsets.UTF_8));
        } catch (ImageFailure refused) {
            return;
        }
        assertThat(url.uri().getScheme().toLowerCase(Locale.ROOT)).isIn("http", "https");
        assertThat(url.uri().getRawUserInfo()).isNull();
        assertThat(url.host()).isNotEmpty();
    }

    /** Takes the first 16 bytes as an IPv6 address, or fewer (zero-padded) as an IPv4 address. */
    @FuzzTest
    void addressPolicy(byte[] input) throws UnknownHostException {
        InetAddress address = InetAddress.getByAddress(Arrays.copyOf(input, input.length >= 16 ? 16 : 4));
        // The JDK turns IPv4-mapped ::ffff:a.b.c.d into the IPv4 address it connects to, so judge what it made.
        byte[] b = address.getAddress();
        if (mustRefuse(b)) {
            assertThat(policy.refusal(address)).as("refusal of %s", address.getHostAddress()).isNotNull();
        }
    }

    private static boolean mustRefuse(byte[] b) {
        if (b.length == 16) {
            return (b[0] & 0xE0) != 0x20;
        }
        int a0 = b[0] & 0xFF;
        int a1 = b[1] & 0xFF;
        return a0 == 0 || a0 == 10 || a0 == 127 || (a0 & 0xF0) == 224
                || a0 == 172 && (a1 & 0xF0) == 16
                || a0 == 192 && a1 == 168
                || a0 == 169 && a1 == 254
                || a0 == 100 && (a1 & 0xC0) == 64;
    }
}
