package dev.shopflow.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.gateway.GatewayTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests no well-behaved client sends, written byte for byte on a socket: the gateway refuses each with a 4xx and
 * never answers 500. (Whether a body is malformed JSON is for the service that reads it to say.)
 */
class MalformedRequestTest extends GatewayTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /api/catalog/%zz HTTP/1.1\r\nHost: gw\r\n\r\n",
            "GET /api/catalog/products?q=%E0%A4%A HTTP/1.1\r\nHost: gw\r\n\r\n",
            "POST /api/cart/items HTTP/1.1\r\nHost: gw\r\nContent-Length: twelve\r\n\r\n{}",
            "POST /api/cart/items HTTP/1.1\r\nHost: gw\r\nContent-Length: -5\r\n\r\n{}",
            "POST /api/cart/items HTTP/1.1\r\nHost: gw\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
            "GET /api/cart HTTP/1.1\r\nHost: gw\r\nX-Huge: %HUGE%\r\n\r\n"})
    void refusesAMalformedRequestWithAClientErrorNeverA500(String request) throws IOException {
        int status = send(request.replace("%HUGE%", "x".repeat(20_000)));

        assertThat(status).as("status").isBetween(400, 499);
    }

    private int send(String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String statusLine = readLine(socket.getInputStream());
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        var line = new StringBuilder();
        for (int next = in.read(); next != -1 && next != '\n'; next = in.read()) {
            line.append((char) next);
        }
        return line.toString().trim();
    }
}
