package dev.shopflow.platform.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Gives the refusals Reactor Netty sends on its own, before Spring sees a request, the same RFC 9457 problem body as
 * every other 4xx: a request line longer than the server reads (414), headers larger than it reads (431), a request
 * it cannot decode (400), and a request body that did not arrive in time (408, when Reactor Netty answers it; once
 * Spring reads the body, {@link ProblemDetailsErrorHandler} answers the same problem). Reactor Netty writes each as a
 * bodiless answer and closes the connection; a handler between its HTTP codec and its request handling gives that
 * answer a body on its way out. An answer with a body or a content type of its own (anything Spring wrote), and any
 * answer to a {@code HEAD} request, passes unchanged.
 */
public class ServerRefusalProblems implements NettyServerCustomizer {

    static final String HANDLER_NAME = "shopflow.refusalProblems";

    private static final Map<Integer, Refusal> REFUSALS = Map.of(
            400, new Refusal("malformed-request", "Bad Request",
                    "The request could not be read: its request line, path or headers are malformed."),
            408, new Refusal("request-timeout", "Request Timeout",
                    "The request did not arrive in time: its body paused too long or took too long in all."),
            413, new Refusal("request-too-large", "Content Too Large",
                    "The request is larger than the server accepts."),
            414, new Refusal("uri-too-long", "URI Too Long",
                    "The request line (method, path and query) is longer than the server accepts."),
            431, new Refusal("request-header-fields-too-large", "Request Header Fields Too Large",
                    "The request's headers are larger than the server accepts."));

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null && channel.pipeline().get(HANDLER_NAME) == null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, new ProblemBodies());
            }
        });
    }

    /** The problem body of a refusal with this status, or {@code null} when the server does not refuse so itself. */
    static byte[] body(int status) {
        Refusal refusal = REFUSALS.get(status);
        if (refusal == null) {
            return null;
        }
        // Fixed texts, nothing from the request: the request is exactly what could not be read.
        return ("{\"type\":\"" + ProblemResponses.TYPE_BASE + refusal.type() + "\",\"title\":\"" + refusal.title()
                + "\",\"status\":" + status + ",\"detail\":\"" + refusal.detail() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The 408 problem for a request body that timed out after Spring began reading it. */
    static ProblemDetail requestTimeout() {
        Refusal refusal = REFUSALS.get(408);
        return ProblemResponses.typed(HttpStatus.REQUEST_TIMEOUT, refusal.type(), refusal.title(), refusal.detail());
    }

    private record Refusal(String type, String title, String detail) {
    }

    /** One per connection: it remembers whether the request being answered is a {@code HEAD}. */
    private static final class ProblemBodies extends ChannelDuplexHandler {

        private boolean answeringHead;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof HttpRequest request) {
                answeringHead = HttpMethod.HEAD.equals(request.method());
            }
            ctx.fireChannelRead(message);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
            if (message instanceof FullHttpResponse response && !answeringHead
                    && !response.content().isReadable()
                    && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
                byte[] body = body(response.status().code());
                if (body != null) {
                    var problem = new DefaultFullHttpResponse(response.protocolVersion(), response.status(),
                            Unpooled.wrappedBuffer(body), response.headers().copy(), response.trailingHeaders().copy());
                    problem.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    problem.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
                    response.release();
                    ctx.write(problem, promise);
                    return;
                }
            }
            ctx.write(message, promise);
        }
    }
}
