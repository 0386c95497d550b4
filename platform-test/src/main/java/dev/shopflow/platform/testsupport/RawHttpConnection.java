package dev.shopflow.platform.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A plain TCP connection to an HTTP server, for tests that must send what no HTTP client would: half a request,
 * a body one byte at a time, a header too large to read. Answers are read as the bytes arrive, up to the moment the
 * server closes the connection.
 */
public final class RawHttpConnection implements AutoCloseable {

    private final Socket socket;
    private ScheduledExecutorService trickler;

    private RawHttpConnection(Socket socket) {
        this.socket = socket;
    }

    /** Connects to {@code 127.0.0.1:port}. */
    public static RawHttpConnection open(int port) {
        try {
            return new RawHttpConnection(new Socket("127.0.0.1", port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the text as ISO-8859-1 bytes, exactly as given (line ends included). */
    public RawHttpConnection send(String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code piece} now and again every {@code every}, in the background, until the connection is closed or
     * the server stops reading — a slow client trickling its request.
     */
    public RawHttpConnection trickle(String piece, Duration every) {
        trickler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "raw-http-trickle");
            thread.setDaemon(true);
            return thread;
        });
        // A failed send (the server closed the connection) ends the repetition: that is the point of the test.
        trickler.scheduleAtFixedRate(() -> send(piece), 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Reads until the server closes the connection, waiting at most {@code within} for it to do so.
     *
     * @return what the server sent before closing (possibly nothing)
     * @throws AssertionError when the connection is still open after {@code within}
     */
    public Answer readUntilClosed(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        var received = new ByteArrayOutputStream();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            while (true) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
                int read;
                try {
                    read = in.read(buffer);
                } catch (SocketTimeoutException stillOpen) {
                    throw new AssertionError("The server kept the connection open for more than " + within
                            + "; received so far: " + received.toString(StandardCharsets.ISO_8859_1));
                } catch (IOException reset) {
                    // A reset is the server closing too, only less politely.
                    read = -1;
                }
                if (read < 0) {
                    return Answer.parse(received.toString(StandardCharsets.UTF_8));
                }
                received.write(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one answer: its head, then as many body bytes as {@code Content-Length} says (or the chunks up to the
     * last), waiting at most {@code within} in all; the connection may stay open.
     *
     * @throws AssertionError when no complete answer arrives in time
     */
    public Answer readAnswer(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        var received = new ByteArrayOutputStream();
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                String text = received.toString(StandardCharsets.ISO_8859_1);
                int headEnd = text.indexOf("\r\n\r\n");
                if (headEnd >= 0) {
                    Answer head = Answer.parse(text.substring(0, headEnd + 4));
                    String body = text.substring(headEnd + 4);
                    String length = head.headers().get("content-length");
                    boolean chunked = "chunked".equalsIgnoreCase(head.headers().get("transfer-encoding"));
                    if (length != null && body.length() >= Integer.parseInt(length)) {
                        return Answer.parse(new String(received.toByteArray(), StandardCharsets.UTF_8));
                    }
                    if (chunked && body.endsWith("0\r\n\r\n")) {
                        return new Answer(head.status(), head.headers(), dechunk(body));
                    }
                    if (length == null && !chunked) {
                        return head;
                    }
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new AssertionError("No complete answer within " + within + "; received: " + text);
                }
                socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
                int next;
                try {
                    next = in.read();
                } catch (SocketTimeoutException slow) {
                    throw new AssertionError("No complete answer within " + within + "; received: " + text);
                }
                if (next < 0) {
                    return Answer.parse(new String(received.toByteArray(), StandardCharsets.UTF_8));
                }
                received.write(next);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dechunk(String chunked) {
        var body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    /** Whether the server has closed the connection (or reset it), checked without waiting long. */
    public boolean isClosedByServer() {
        try {
            socket.setSoTimeout(50);
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException open) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() {
        if (trickler != null) {
            trickler.shutdownNow();
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a test's socket cannot fail in a way the test cares about.
        }
    }

    /**
     * What the server sent: the status of its first answer ({@code 0} when it sent nothing), that answer's headers
     * (names in lower case) and everything after them.
     */
    public record Answer(int status, Map<String, String> headers, String body) {

        static Answer parse(String raw) {
            if (raw.isEmpty()) {
                return new Answer(0, Map.of(), "");
            }
            int end = raw.indexOf("\r\n\r\n");
            String head = end < 0 ? raw : raw.substring(0, end);
            String body = end < 0 ? "" : raw.substring(end + 4);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            var headers = new LinkedHashMap<String, String>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            return new Answer(status, headers, body);
        }
    }
}
