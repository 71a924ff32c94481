package io.imagepipe.common;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Which addresses a source may be fetched from: public unicast only, unless a configured network allows
 * more. Loopback, private, link-local (cloud metadata), carrier-grade NAT, multicast, unspecified and
 * reserved IPv4; every IPv6 address outside global unicast {@code 2000::/3}, and inside it the
 * IPv4-carrying 6to4 {@code 2002::/16} and Teredo {@code 2001::/32}, and documentation prefixes, are refused.
 */
public final class AddressPolicy {

    private static final List<Cidr> REFUSED_V4 = cidrs("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
            "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");
    private static final Cidr GLOBAL_V6 = Cidr.parse("2000::/3");
    private static final List<Cidr> REFUSED_V6 = cidrs("2002::/16", "2001::/32", "2001:db8::/32", "2001:10::/28",
            "2001:20::/28");

    private final List<Cidr> allowed;

    public AddressPolicy(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Why the address is refused, or null when it may be fetched from. */
    public String refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (allowed.stream().anyMatch(network -> network.contains(bytes))) {
            return null;
        }
        boolean refused = address instanceof Inet4Address
                ? REFUSED_V4.stream().anyMatch(network -> network.contains(bytes))
                : !GLOBAL_V6.contains(bytes) || REFUSED_V6.stream().anyMatch(network -> network.contains(bytes));
        return refused ? "address not allowed: " + address.getHostAddress() : null;
    }

    private static List<Cidr> cidrs(String... networks) {
        return java.util.Arrays.stream(networks).map(Cidr::parse).toList();
    }
}
