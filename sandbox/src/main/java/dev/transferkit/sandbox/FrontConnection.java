package dev.transferkit.sandbox;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's handler (one instance per connection, always called on its event loop). Answers
 * go out in the order the requests came: while an answer is being prepared on a worker, later
 * requests of the same connection (pipelined ones) wait in {@link #waiting} and the connection is
 * not read. They wait there too while the client does not read its answers, and beyond a burst of
 * pipelined requests (served later in turns of {@link #BURST}).
 */
final class FrontConnection extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(Front.class);
  private final Front front;

  FrontConnection(Front front) {
    this.front = front;
  }

  /**
   * Requests served in a row before the rest of a pipelined burst waits for a later turn of the
   * event loop.
   */
  private static final int BURST = 16;

  private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
  private boolean busy;
  private boolean drainScheduled;

  /**
   * Requests served since the last read completed (so one client's pipelined burst cannot hold the
   * loop).
   */
  private int servedInRow;

  private ChannelHandlerContext ctx;

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest request)) {
      io.netty.util.ReferenceCountUtil.release(msg);
      return;
    }
    if (busy || !waiting.isEmpty() || !ctx.channel().isWritable() || servedInRow >= BURST) {
      // An answer is being prepared on a worker, the client is not reading its answers, or it
      // sent a long
      // pipelined burst: this request waits its turn, so that other connections on this event
      // loop are served.
      waiting.add(request);
      updateReading();
      scheduleDrain();
      return;
    }
    servedInRow++;
    try {
      serveOrRefuse(request);
    } finally {
      request.release();
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    servedInRow = 0;
    ctx.fireChannelReadComplete();
  }

  private void scheduleDrain() {
    if (!drainScheduled && !busy && !waiting.isEmpty() && ctx.channel().isWritable()) {
      drainScheduled = true;
      ctx.executor().execute(this::drain);
    }
  }

  /**
   * Serves up to {@link #BURST} waiting requests, then yields the event loop to other connections.
   */
  private void drain() {
    drainScheduled = false;
    FullHttpRequest next;
    for (int n = 0;
        n < BURST
            && !busy
            && ctx.channel().isActive()
            && ctx.channel().isWritable()
            && (next = waiting.poll()) != null;
        n++) {
      try {
        serveOrRefuse(next);
      } finally {
        next.release();
      }
    }
    updateReading();
    scheduleDrain();
  }

  /**
   * Serves; input the router or decoders cannot use (a malformed %-escape, say) is answered 400 and
   * closed.
   */
  private void serveOrRefuse(FullHttpRequest request) {
    try {
      serve(request);
    } catch (IllegalArgumentException e) {
      ctx.writeAndFlush(
              front
                  .pipeline
                  .refusal(request.uri(), 400, "Malformed request: " + e.getMessage())
                  .toNetty(false))
          .addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    updateReading();
    scheduleDrain();
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    FullHttpRequest r;
    while ((r = waiting.poll()) != null) {
      r.release();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("connection {} failed", ctx.channel().remoteAddress(), cause);
    ctx.close();
  }

  private void updateReading() {
    ctx.channel().config().setAutoRead(!busy && waiting.isEmpty() && ctx.channel().isWritable());
  }

  private void serve(FullHttpRequest request) {
    long started = System.nanoTime();
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    DecoderResult decoded = request.decoderResult();
    if (decoded.isFailure()) {
      Throwable cause = decoded.cause();
      Outgoing refusal;
      if (cause instanceof TooLongHttpLineException) {
        refusal =
            front.pipeline.refusal(
                request.uri(),
                414,
                "The request line is longer than " + Front.MAX_REQUEST_LINE + " bytes.");
      } else if (cause instanceof TooLongHttpHeaderException) {
        refusal =
            front.pipeline.refusal(
                request.uri(),
                431,
                "The request headers are larger than " + Front.MAX_HEADERS + " bytes.");
      } else if (cause instanceof TooLongFrameException) {
        refusal = front.pipeline.refusal(request.uri(), 413, "The request is too large.");
      } else {
        refusal =
            front.pipeline.refusal(
                request.uri(), 400, "Malformed HTTP request: " + cause.getMessage());
      }
      // The decoder discards the rest of what this connection sends: answer and close.
      ctx.writeAndFlush(refusal.toNetty(false)).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    String method = request.method().name();
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    String rawPath = uri.rawPath();
    byte[] body = ByteBufUtil.getBytes(request.content());
    boolean head = method.equals("HEAD");
    Router.Match<Front.Target> match = front.router().match(method, rawPath);
    if (match == null) {
      List<String> allowed = front.router().allowedMethods(rawPath);
      if (!allowed.isEmpty()) {
        String allow = String.join(", ", allowed);
        write(
            new Outgoing(
                405,
                Json.bytes(
                    Json.object()
                        .put(
                            "error",
                            method + " is not allowed on " + rawPath + "; allowed: " + allow)),
                Map.of("Allow", allow)),
            keepAlive,
            head);
        return;
      }
      write(
          new Outgoing(
              404,
              Json.bytes(Json.object().put("error", "no such path: " + method + " " + rawPath)),
              Map.of()),
          keepAlive,
          head);
      return;
    }
    if (match.handler() instanceof Front.AdminTarget admin) {
      if (!front.adminAllowed(request, uri)) {
        write(
            new Outgoing(
                401,
                Json.bytes(
                    Json.object()
                        .put(
                            "error",
                            "the admin API needs the admin token printed"
                                + " at start-up: send Authorization: Bearer <token>")),
                Map.of("WWW-Authenticate", "Bearer")),
            keepAlive,
            head);
        return;
      }
      // Admin calls may wait (for deliveries, for the clock's due work): a worker answers.
      busy = true;
      updateReading();
      front.workers.execute(
          () -> {
            Outgoing response;
            try {
              Front.Answer a = admin.handler().handle(match.pathParams(), uri.parameters(), body);
              response = new Outgoing(a.status(), a.body(), a.headers(), a.contentType());
              front.engine.webhooks.pumpAndWait();
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
              // A linkage error (a jar replaced under a running sandbox) or a runaway recursion
              // still gets an answer; otherwise the worker dies and the caller waits for its own
              // timeout.
              LOG.error("admin failure on {} {}", method, rawPath, e);
              response =
                  new Outgoing(
                      500,
                      Json.bytes(Json.object().put("error", "sandbox failure: " + e)),
                      Map.of());
            }
            finish(response, keepAlive, head);
          });
      return;
    }
    Front.ProviderTarget p = (Front.ProviderTarget) match.handler();
    Call call =
        ProviderRequests.toCall(
            p.provider(),
            request,
            uri,
            match.pathParams(),
            body,
            () -> {
              InetSocketAddress local = (InetSocketAddress) front.listener.localAddress();
              return local.getHostString() + ":" + local.getPort();
            });
    // A path of the spec asked with a method it does not document: 405 with the documented
    // methods.
    List<String> allowed = p.route() == null ? front.router().allowedMethods(rawPath) : List.of();
    long queuedBefore = front.engine.webhooks.queued();
    Outgoing response;
    List<String> broken = new ArrayList<>(0);
    try {
      response = front.pipeline.dispatch(p.provider(), p.route(), allowed, call, broken);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      LOG.error("sandbox failure on {} {}", method, rawPath, e);
      response =
          new Outgoing(
              500, Json.bytes(Json.object().put("error", "sandbox failure: " + e)), Map.of());
    }
    front.requests.add(
        p.provider().prefix(),
        new RequestLog.Entry(
            java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
            method,
            call.path + (uri.rawQuery().isEmpty() ? "" : "?" + uri.rawQuery()),
            response.status(),
            (System.nanoTime() - started) / 1000,
            broken));
    if (front.engine.webhooks.queued() != queuedBefore) {
      // This request queued notifications: answer once they were attempted, so that a caller who
      // gets the answer
      // can rely on them. A worker waits; the subscriber may call back into the sandbox
      // meanwhile.
      busy = true;
      updateReading();
      Outgoing r = response;
      front.workers.execute(
          () -> {
            front.engine.webhooks.pumpAndWait();
            finish(r, keepAlive, head);
          });
      return;
    }
    write(response, keepAlive, head);
    if (front.engine.webhooks.anyPending()) {
      front.workers.execute(front.engine.webhooks::pump);
    }
  }

  /** From a worker: write on the event loop, then serve the requests that waited. */
  private void finish(Outgoing response, boolean keepAlive, boolean head) {
    ctx.executor()
        .execute(
            () -> {
              busy = false;
              write(response, keepAlive, head);
              updateReading();
              scheduleDrain();
              if (!busy) {
                front.workers.execute(front.engine.webhooks::pump);
              }
            });
  }

  private void write(Outgoing response, boolean keepAlive, boolean head) {
    FullHttpResponse r = response.toNetty(keepAlive);
    if (head) {
      r.content().clear();
    }
    if (keepAlive) {
      ctx.writeAndFlush(r, ctx.voidPromise());
    } else {
      ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
