package io.govflow.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.govflow.support.ApiClient;
import io.govflow.support.SecretLedger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Requests written byte for byte on a socket to 127.0.0.1, for what a normal client refuses to send (encoded
 * slashes, NUL, huge headers, lying Content-Length, chunked bodies, invalid UTF-8). One request per connection.
 */
final class Raw {

    /** Status line, head and body of an answer. */
    record Answer(int status, String head, String body) {

        @Nullable String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        JsonNode json() {
            return ApiClient.JSON.readTree(body);
        }
    }

    private Raw() {
    }

    /** A request line, headers (each without CRLF) and an optional body, sent as given. */
    static Answer send(int port, String requestLine, String[] headers, byte @Nullable [] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        write(request, requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        for (String header : headers) {
            write(request, header + "\r\n");
        }
        write(request, "\r\n");
        if (body != null) {
            request.writeBytes(body);
        }
        return exchange(port, request.toByteArray());
    }

    static Answer exchange(int port, byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException refusedMidWay) {
                // the server may answer and close before reading everything (413): read what it sent
            }
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Answer parse(byte[] response) {
        String text = new String(response, StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        if (head.length() < 12) {
            throw new AssertionError("no HTTP answer: " + text);
        }
        int status = Integer.parseInt(head.substring(9, 12));
        Answer answer = new Answer(status, head, dechunk(head, body));
        SecretLedger.assertAbsent("raw answer", text);
        return answer;
    }

    /** Reads one response: up to the end of its body (Content-Length or the last chunk), or until the close. */
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            int n;
            while (!complete(buffer.toByteArray()) && (n = in.read(chunk)) >= 0) {
                buffer.write(chunk, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException closed) {
            // keep what arrived
        }
        return buffer.toByteArray();
    }

    private static boolean complete(byte[] received) {
        String text = new String(received, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            return false;
        }
        String head = text.substring(0, split).toLowerCase(Locale.ROOT);
        int bodyLength = text.length() - split - 4;
        if (head.contains("transfer-encoding: chunked")) {
            return text.endsWith("\r\n0\r\n\r\n") || text.substring(split + 4).startsWith("0\r\n\r\n");
        }
        int at = head.indexOf("content-length:");
        if (at < 0) {
            return false;
        }
        int end = head.indexOf("\r\n", at);
        long length = Long.parseLong(head.substring(at + 15, end < 0 ? head.length() : end).trim());
        return bodyLength >= length;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String dechunk(String head, String body) {
        if (!head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            return body;
        }
        StringBuilder out = new StringBuilder();
        int pos = 0;
        while (pos < body.length()) {
            int lineEnd = body.indexOf("\r\n", pos);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(pos, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, lineEnd + 2, Math.min(body.length(), lineEnd + 2 + size));
            pos = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
