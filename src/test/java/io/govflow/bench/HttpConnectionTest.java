package io.govflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The driver's HTTP/1.1 connection reads fixed-length and chunked replies, and reconnects after a close. */
class HttpConnectionTest {

    private HttpServer server;
    private final AtomicInteger connections = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fixed", exchange -> reply(exchange, 200, "{\"ok\":true}", false));
        server.createContext("/chunked", exchange -> reply(exchange, 201, "x".repeat(20_000), true));
        server.createContext("/close", exchange -> {
            exchange.getResponseHeaders().add("Connection", "close");
            reply(exchange, 409, "{\"error_code\":\"AGENT_EXISTS\"}", true);
        });
        server.createContext("/echo", exchange -> reply(exchange, 200,
                exchange.getRequestHeaders().getFirst("Authorization") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), false));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsFixedLengthAndChunkedBodiesOnOneConnection() throws IOException {
        int port = server.getAddress().getPort();
        try (HttpConnection connection = new HttpConnection(port)) {
            HttpReply fixed = connection.exchange(HttpConnection.request("GET", "/fixed", port, null, null));
            HttpReply chunked = connection.exchange(HttpConnection.request("GET", "/chunked", port, null, null));
            HttpReply again = connection.exchange(HttpConnection.request("GET", "/fixed", port, null, null));

            assertThat(fixed.status()).isEqualTo(200);
            assertThat(fixed.text()).isEqualTo("{\"ok\":true}");
            assertThat(chunked.status()).isEqualTo(201);
            assertThat(chunked.body()).hasSize(20_000);
            assertThat(again.ok()).isTrue();
        }
    }

    @Test
    void sendsTheKeyAndTheBodyAndReconnectsAfterTheServerCloses() throws IOException {
        int port = server.getAddress().getPort();
        byte[] body = "{\"complexity\":0.5}".getBytes(StandardCharsets.UTF_8);
        try (HttpConnection connection = new HttpConnection(port)) {
            HttpReply closed = connection.exchange(HttpConnection.request("POST", "/close", port, null, body));
            HttpReply echo = connection.exchange(HttpConnection.request("POST", "/echo", port, "key-1", body));

            assertThat(closed.status()).isEqualTo(409);
            assertThat(closed.ok()).isFalse();
            assertThat(echo.text()).isEqualTo("Bearer key-1 {\"complexity\":0.5}");
        }
    }

    private void reply(HttpExchange exchange, int status, String body, boolean chunked) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
