package io.govflow.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One persistent HTTP/1.1 connection to the service on loopback, used by one client thread at a time. Requests are
 * pre-encoded bytes ({@link #request}), so a client that repeats one request costs a write and a parse per call.
 * Replies with {@code Content-Length}, chunked bodies and {@code Connection: close} are handled; after a close (Tomcat
 * closes keep-alive connections every 100 requests and after error replies) the next call reconnects, as any
 * client would.
 */
final class HttpConnection implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int READ_TIMEOUT_MILLIS = 120_000;

    private final int port;
    private @Nullable Socket socket;
    private @Nullable InputStream in;
    private @Nullable OutputStream out;
    private final StringBuilder line = new StringBuilder(128);

    HttpConnection(int port) {
        this.port = port;
    }

    /** A complete request: head and body. */
    static byte[] request(String method, String path, int port, @Nullable String bearer, byte @Nullable [] body) {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n");
        if (bearer != null) {
            head.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        if (body == null) {
            return headBytes;
        }
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /** Sends the request and reads the whole reply into memory. */
    HttpReply exchange(byte[] request) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(2048);
        int status = exchange(request, body::write);
        return new HttpReply(status, body.toByteArray());
    }

    /** Sends the request and hands the reply's body to {@code sink} as it arrives; returns the status. */
    int exchange(byte[] request, BodySink sink) throws IOException {
        boolean ok = false;
        try {
            connectIfNeeded();
            OutputStream o = out;
            InputStream i = in;
            if (o == null || i == null) {
                throw new IOException("not connected");
            }
            o.write(request);
            o.flush();
            int status = readReply(i, sink);
            ok = true;
            return status;
        } finally {
            if (!ok) {
                close();
            }
        }
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        in = null;
        out = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a socket that failed already
            }
        }
    }

    private void connectIfNeeded() throws IOException {
        if (socket != null) {
            return;
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setSoTimeout(READ_TIMEOUT_MILLIS);
            s.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MILLIS);
            in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
            out = s.getOutputStream();
            socket = s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    private int readReply(InputStream i, BodySink sink) throws IOException {
        String statusLine = readLine(i);
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP reply: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = statusLine.startsWith("HTTP/1.0");
        for (String header = readLine(i); !header.isEmpty(); header = readLine(i)) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> closeAfter = value.contains("close");
                default -> {
                }
            }
        }
        if (chunked) {
            readChunked(i, sink);
        } else if (length >= 0) {
            copy(i, length, sink);
        } else if (status != 204 && status != 304) {
            copy(i, Long.MAX_VALUE, sink);
            closeAfter = true;
        }
        if (closeAfter) {
            close();
        }
        return status;
    }

    private void readChunked(InputStream i, BodySink sink) throws IOException {
        while (true) {
            String sizeLine = readLine(i);
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!readLine(i).isEmpty()) {
                    // trailers
                }
                return;
            }
            copy(i, size, sink);
            readLine(i);
        }
    }

    private static void copy(InputStream i, long length, BodySink sink) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = i.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                if (length == Long.MAX_VALUE) {
                    return;
                }
                throw new EOFException("reply body ended early");
            }
            sink.accept(buffer, 0, n);
            left -= n;
        }
    }

    private String readLine(InputStream i) throws IOException {
        line.setLength(0);
        int b;
        while ((b = i.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("connection closed by the server");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    /** Receives a reply body in pieces. */
    @FunctionalInterface
    interface BodySink {
        void accept(byte[] bytes, int offset, int length) throws IOException;
    }
}
