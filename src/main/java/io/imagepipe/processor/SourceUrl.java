package io.imagepipe.processor;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A source URL parsed strictly: {@code http} or {@code https} only, no user name or password, a host that
 * is a name, a canonical dotted-quad IPv4 address or a bracketed IPv6 address (numeric tricks such as
 * {@code 2130706433}, {@code 0x7f.1} or {@code 017700000001} are refused).
 */
record SourceUrl(URI uri, boolean https, String host, int port, String pathAndQuery) {

    private static final Pattern NUMERIC_HOST = Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]*))*\\.?");
    private static final Pattern CANONICAL_V4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");

    /**
     * Parses a URL.
     *
     * @throws ImageFailure when the URL is not one ImagePipe fetches
     */
    static SourceUrl parse(String text) throws ImageFailure {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException | NullPointerException e) {
            throw new ImageFailure("not a valid URL: " + text);
        }
        return of(uri);
    }

    /** This URL's {@code Location} target, parsed as strictly. */
    SourceUrl resolve(String location) throws ImageFailure {
        try {
            return of(uri.resolve(new URI(location.strip())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ImageFailure("the source redirected to an invalid URL: " + location);
        }
    }

    /** The {@code Host} header value. */
    String hostHeader() {
        String name = host.contains(":") ? "[" + host + "]" : host;
        return port == (https ? 443 : 80) ? name : name + ":" + port;
    }

    /** The host part of an authority {@link URI} could not parse as a server, such as {@code 127.1:80}. */
    private static String authorityHost(URI uri) {
        String authority = uri.getRawAuthority();
        if (authority == null) {
            return null;
        }
        int colon = authority.lastIndexOf(':');
        return colon > 0 && !authority.endsWith("]") ? authority.substring(0, colon) : authority;
    }

    private static SourceUrl of(URI uri) throws ImageFailure {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ImageFailure("only http and https URLs are fetched: " + uri);
        }
        if (uri.getRawUserInfo() != null) {
            throw new ImageFailure("URLs with a user name or password are not fetched");
        }
        String host = uri.getHost() != null ? uri.getHost() : authorityHost(uri);
        if (host == null || host.isEmpty()) {
            throw new ImageFailure("the URL has no valid host: " + uri);
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
            if (host.contains(".")) {
                throw new ImageFailure("IPv6 address with an embedded IPv4 address not allowed: " + host);
            }
        } else if (NUMERIC_HOST.matcher(host).matches() && !CANONICAL_V4.matcher(host).matches()) {
            throw new ImageFailure("numeric host in a non-canonical form: " + host);
        }
        if (uri.getHost() == null) {
            throw new ImageFailure("the URL has no valid host: " + uri);
        }
        boolean https = scheme.equals("https");
        int port = uri.getPort() < 0 ? (https ? 443 : 80) : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new SourceUrl(uri, https, host, port, path + query);
    }
}
