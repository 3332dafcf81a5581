package org.tanchang.grid.gateway;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last line behind {@link ProblemExceptionHandler}: some requests are refused before Spring sees an exchange
 * (a request line that is no valid URI, such as raw UTF-8 or a broken {@code %} escape, is answered by the Reactor
 * adapter; an undecodable request line or oversized headers by Reactor Netty itself), and those answers are an
 * empty 400, 413 or 431. This handler sits right behind the HTTP codec and turns any error answer without a body and
 * content type into the gateway's problem, so every answer of the gateway itself is problem+json.
 */
final class EmptyErrorAnswers extends ChannelDuplexHandler {

    static final String NAME = "tanchang.emptyErrorAnswers";

    private final JsonMapper json;
    private boolean head;
    private byte[] pendingBody;

    EmptyErrorAnswers(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request) {
            head = HttpMethod.HEAD.equals(request.method());
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (pendingBody != null && msg instanceof LastHttpContent last && !last.content().isReadable()) {
            byte[] body = pendingBody;
            pendingBody = null;
            ReferenceCountUtil.release(msg);
            ctx.write(new DefaultLastHttpContent(Unpooled.wrappedBuffer(body)), promise);
            return;
        }
        if (msg instanceof HttpResponse response && emptyError(response)) {
            // no exchange exists, so no client id was read and no trace begun: this answer gets an id of its own
            RequestIds ids = RequestIds.from(new HttpHeaders(), null, null);
            byte[] body = problem(response.status().code(), ids);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(RequestIds.REQUEST_ID_HEADER, ids.requestId());
            if (msg instanceof FullHttpResponse full) {
                FullHttpResponse withBody = new DefaultFullHttpResponse(full.protocolVersion(), full.status(),
                        Unpooled.wrappedBuffer(body), full.headers(), full.trailingHeaders());
                ReferenceCountUtil.release(full);
                ctx.write(withBody, promise);
                return;
            }
            pendingBody = body;     // the (empty) last content follows and carries it
        }
        super.write(ctx, msg, promise);
    }

    private boolean emptyError(HttpResponse response) {
        if (head || response.status().code() < 400 || response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
            return false;
        }
        if (response instanceof FullHttpResponse full) {
            return !full.content().isReadable();
        }
        return "0".equals(response.headers().get(HttpHeaderNames.CONTENT_LENGTH));
    }

    private byte[] problem(int code, RequestIds ids) {
        HttpStatus status = HttpStatus.resolve(code);
        String detail = switch (code) {
            case 400 -> "The request line is not a valid HTTP request: percent-encode every character outside "
                    + "ASCII letters, digits and -._~ in the path and query (UTF-8), and use no spaces";
            case 413, 431 -> "The request line or its headers are too large";
            case 414 -> "The request line is too long";
            default -> "The request was refused";
        };
        return json.writeValueAsBytes(GatewayProblems.of(status == null ? HttpStatus.BAD_REQUEST : status, detail, ids));
    }
}
