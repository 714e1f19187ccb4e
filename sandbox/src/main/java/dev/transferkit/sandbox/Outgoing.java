package dev.transferkit.sandbox;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Map;

/** A response ready to write: status, body bytes, extra headers and the body's content type. */
record Outgoing(int status, byte[] body, Map<String, String> headers, String contentType) {
  Outgoing(int status, byte[] body, Map<String, String> headers) {
    this(status, body, headers, "application/json");
  }

  static Outgoing of(Reply reply) {
    return new Outgoing(
        reply.status, reply.body == null ? new byte[0] : Json.bytes(reply.body), reply.headers);
  }

  FullHttpResponse toNetty(boolean keepAlive) {
    FullHttpResponse r =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(body));
    headers.forEach((k, v) -> r.headers().set(k, v));
    if (body.length > 0) {
      r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    }
    r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    if (!keepAlive) {
      r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    return r;
  }
}
