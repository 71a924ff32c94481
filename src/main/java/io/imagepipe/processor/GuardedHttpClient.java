package io.imagepipe.processor;

import io.imagepipe.common.AddressPolicy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 GET to a source over a socket this class opens itself: the host name is resolved here,
 * every address it resolves to is checked by the {@link AddressPolicy}, and the connection goes to a
 * checked address (so DNS rebinding between check and connect is impossible). TLS verifies the
 * certificate against the host name.
 */
final class GuardedHttpClient {

    /** What a GET returned: a body, or a redirect target. */
    record Outcome(byte[] body, String location) {
    }

    /** Names that always mean this machine or a cloud's metadata service, whatever they resolve to. */
    private static final java.util.regex.Pattern REFUSED_NAMES =
            java.util.regex.Pattern.compile("(.+\\.)?localhost\\.?|metadata\\.google\\.internal\\.?");

    private final AddressPolicy policy;
    private final Duration connectTimeout;
    private final HttpBodyReader bodies;
    private final HostResolver resolver;

    GuardedHttpClient(AddressPolicy policy, Duration connectTimeout, long maxBytes, HostResolver resolver) {
        this.policy = policy;
        this.connectTimeout = connectTimeout;
        this.bodies = new HttpBodyReader(maxBytes);
        this.resolver = resolver;
    }

    /** Resolves host names; a seam so tests can make a name resolve to any address. */
    interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    Outcome get(SourceUrl url, Deadline deadline, MemoryBudget.Reservation memory) throws ImageFailure {
        InetAddress address = checkedAddress(url.host());
        try (Socket socket = connect(address, url, deadline)) {
            OutputStream out = socket.getOutputStream();
            out.write(request(url).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new BufferedInputStream(new DeadlineInputStream(socket, socket.getInputStream(), deadline));
            HttpResponseHead head = HttpResponseHead.read(in);
            int status = head.status();
            if (status >= 300 && status < 400 && status != 304 && head.header("location") != null) {
                return new Outcome(null, head.header("location"));
            }
            if (status == 408 || status == 429 || status >= 500) {
                throw new TransientImageFailure("HTTP " + status + " from the source");
            }
            if (status != 200) {
                throw new ImageFailure("HTTP " + status + " from the source");
            }
            return new Outcome(bodies.read(in, head, memory, deadline), null);
        } catch (DeadlineInputStream.DeadlineExceededException e) {
            throw deadline.exceeded();
        } catch (SSLException e) {
            throw new ImageFailure("TLS with the source failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TransientImageFailure("download failed: " + e.getMessage(), e);
        }
    }

    private InetAddress checkedAddress(String host) throws ImageFailure {
        if (REFUSED_NAMES.matcher(host).matches()) {
            throw new ImageFailure("host not allowed: " + host);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new ImageFailure("unknown host: " + host);
        }
        if (addresses.length == 0) {
            throw new ImageFailure("unknown host: " + host);
        }
        for (InetAddress address : addresses) {
            String refusal = policy.refusal(address);
            if (refusal != null) {
                throw new ImageFailure(refusal);
            }
        }
        return addresses[0];
    }

    private Socket connect(InetAddress address, SourceUrl url, Deadline deadline) throws ImageFailure, IOException {
        Socket socket = new Socket();
        try {
            int timeout = (int) Math.max(1, Math.min(connectTimeout.toMillis(), deadline.remainingMillis()));
            socket.connect(new InetSocketAddress(address, url.port()), timeout);
        } catch (SocketTimeoutException e) {
            socket.close();
            throw new TransientImageFailure("could not connect to the source: timed out", e);
        } catch (ConnectException e) {
            socket.close();
            throw new TransientImageFailure("could not connect to the source: connection refused", e);
        }
        if (!url.https()) {
            return socket;
        }
        SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(socket, url.host(), url.port(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (!url.host().contains(":") && !Character.isDigit(url.host().charAt(url.host().length() - 1))) {
            parameters.setServerNames(java.util.List.of(new SNIHostName(url.host())));
        }
        tls.setSSLParameters(parameters);
        tls.setSoTimeout((int) Math.max(1, deadline.remainingMillis()));
        tls.startHandshake();
        return tls;
    }

    private static String request(SourceUrl url) {
        return "GET " + url.pathAndQuery() + " HTTP/1.1\r\n"
                + "Host: " + url.hostHeader() + "\r\n"
                + "User-Agent: ImagePipe/1.0\r\n"
                + "Accept: image/*\r\n"
                + "Accept-Encoding: identity\r\n"
                + "Connection: close\r\n\r\n";
    }
}
