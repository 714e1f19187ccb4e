package dev.transferkit.sandbox;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side, on Netty: routes for every provider operation and the admin API. Each provider
 * request goes through the same pipeline ({@link ProviderRequests}): authenticate, validate against
 * the spec, handle, validate the response against the spec; then it is written here. A path the
 * routes know, asked with another method, answers 405 with {@code Allow}.
 *
 * <p>Threads: Netty's event loops read and write without blocking, so a client that sends half a
 * request, or never reads its answer, holds only its own connection. Provider requests are handled
 * on the event loop of their connection (no hand-off: the fastest path with one connection). What
 * may block runs on worker threads: admin calls, answers that must wait for webhook deliveries (a
 * subscriber may call back into the sandbox), and the deliveries.
 */
final class Front {
  private static final Logger LOG = LoggerFactory.getLogger(Front.class);
  private static final List<String> METHODS =
      List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

  /** Longest request line (method, target, version) accepted; longer ones are answered 414. */
  static final int MAX_REQUEST_LINE = 8 * 1024;

  /** Most bytes of header lines accepted; more are answered 431. */
  static final int MAX_HEADERS = 16 * 1024;

  /** Largest request body accepted; larger ones are answered 413. */
  static final int MAX_BODY = 1_000_000;

  /** What an admin handler answers: JSON unless {@code contentType} says otherwise. */
  record Answer(int status, byte[] body, String contentType, Map<String, String> headers) {
    Answer(int status, byte[] body) {
      this(status, body, "application/json", Map.of());
    }
  }

  /**
   * What the admin API registers: a handler of the path parameters, query and raw body. Runs on a
   * worker thread.
   */
  interface AdminHandler {
    Answer handle(Map<String, String> pathParams, Map<String, List<String>> query, byte[] body);
  }

  private sealed interface Target permits ProviderTarget, AdminTarget {}

  private record ProviderTarget(ProviderApi provider, ProviderApi.Route route) implements Target {}

  private record AdminTarget(AdminHandler handler) implements Target {}

  private final Engine engine;
  private final CompletableFuture<Specs> specsLoading;
  private volatile Specs specs;
  final List<ResponseViolation> violations = new CopyOnWriteArrayList<>();
  final RequestLog requests = new RequestLog();
  private final Router<Target> router = new Router<>();

  /**
   * Set once the specs are loaded and the router holds their operations (see {@link #router()}).
   */
  private volatile boolean routed;

  final List<String> unhandled = new CopyOnWriteArrayList<>();
  private final List<ProviderApi> providers = new ArrayList<>();
  private final ProviderRequests pipeline;
  private EventLoopGroup loops;
  private Channel listener;
  private ExecutorService workers;

  /** The admin API's bearer token; null: the admin API is open (loopback without a token given). */
  private final byte[] adminToken;

  Front(Engine engine, CompletableFuture<Specs> specs, boolean strictResponses, String adminToken) {
    this.engine = engine;
    this.adminToken = adminToken == null ? null : adminToken.getBytes(StandardCharsets.UTF_8);
    this.specsLoading = specs;
    this.pipeline =
        new ProviderRequests(engine, this::specs, strictResponses, violations, providers);
  }

  void admin(String method, String path, AdminHandler handler) {
    router.add(method, "/__admin/" + path, new AdminTarget(handler));
  }

  /**
   * The routes: every operation of the providers' specs at {@code /<provider>/<the spec's path>},
   * the admin API, and each provider's answer to paths it does not serve. Built once the specs are
   * loaded (start() waits for that; a request that arrives earlier waits too). An operation without
   * a handler is logged and listed in {@link #unhandled}.
   */
  private Router<Target> router() {
    if (!routed) {
      synchronized (this) {
        if (!routed) {
          Specs specs = specs();
          for (ProviderApi provider : providers) {
            for (ProviderApi.Route route : provider.routes(specs.operations(provider.provider()))) {
              router.add(
                  route.method(),
                  "/" + provider.prefix() + route.path(),
                  new ProviderTarget(provider, route));
              if (route.op() == null) {
                String what =
                    provider.prefix()
                        + " "
                        + route.operationId()
                        + " ("
                        + route.method()
                        + " "
                        + route.path()
                        + " in "
                        + route.spec()
                        + ")";
                unhandled.add(what);
                LOG.warn("no handler for {}: answered 501", what);
              }
            }
            for (String method : METHODS) {
              router.add(
                  method, "/" + provider.prefix() + "/*", new ProviderTarget(provider, null));
            }
          }
          routed = true;
        }
      }
    }
    return router;
  }

  private Specs specs() {
    Specs s = this.specs;
    if (s == null) {
      // Only while start() is still loading the specs in parallel with the server start.
      s = this.specs = specsLoading.join();
    }
    return s;
  }

  /** Builds the routes (waiting for the specs): start() calls this before it returns. */
  void awaitRoutes() {
    router();
  }

  int start(String host, int port, List<ProviderApi> providers, AdminApi admin)
      throws InterruptedException {
    this.providers.addAll(providers);
    admin.register(this);
    AtomicInteger threads = new AtomicInteger();
    workers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "sandbox-worker-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    // One event loop per core accepts, reads, handles provider requests and writes.
    loops =
        new NioEventLoopGroup(
            Math.max(2, Runtime.getRuntime().availableProcessors()),
            new DefaultThreadFactory("sandbox-http", true));
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(loops)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 256)
            .childOption(ChannelOption.TCP_NODELAY, true)
            // A connection whose client does not read its answers stops being read once this much
            // is waiting for it.
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(64 * 1024, 256 * 1024))
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(
                            new HttpServerCodec(MAX_REQUEST_LINE, MAX_HEADERS, 64 * 1024),
                            new BoundedAggregator(),
                            new Connection());
                  }
                });
    listener = bootstrap.bind(host, port).sync().channel();
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  void stop() {
    if (listener != null) {
      listener.close().syncUninterruptibly();
      loops.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
      workers.shutdownNow();
    }
  }

  /**
   * Collects a request's body up to {@link #MAX_BODY}; a larger one (announced or sent) is answered
   * 413.
   */
  private final class BoundedAggregator extends HttpObjectAggregator {
    BoundedAggregator() {
      super(MAX_BODY);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
      String uri = oversized instanceof HttpRequest r ? r.uri() : "/";
      // The rest of the body is not read: answer and close.
      Outgoing refusal =
          pipeline.refusal(uri, 413, "The request body is larger than " + MAX_BODY + " bytes.");
      ctx.writeAndFlush(refusal.toNetty(false)).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /**
   * One connection's handler (one instance per connection, always called on its event loop).
   * Answers go out in the order the requests came: while an answer is being prepared on a worker,
   * later requests of the same connection (pipelined ones) wait in {@link #waiting} and the
   * connection is not read. They wait there too while the client does not read its answers, and
   * beyond a burst of pipelined requests (served later in turns of {@link #BURST}).
   */
  private final class Connection extends ChannelInboundHandlerAdapter {
    /**
     * Requests served in a row before the rest of a pipelined burst waits for a later turn of the
     * event loop.
     */
    private static final int BURST = 16;

    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private boolean busy;
    private boolean drainScheduled;

    /**
     * Requests served since the last read completed (so one client's pipelined burst cannot hold
     * the loop).
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
     * Serves up to {@link #BURST} waiting requests, then yields the event loop to other
     * connections.
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
     * Serves; input the router or decoders cannot use (a malformed %-escape, say) is answered 400
     * and closed.
     */
    private void serveOrRefuse(FullHttpRequest request) {
      try {
        serve(request);
      } catch (IllegalArgumentException e) {
        ctx.writeAndFlush(
                pipeline
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
              pipeline.refusal(
                  request.uri(),
                  414,
                  "The request line is longer than " + MAX_REQUEST_LINE + " bytes.");
        } else if (cause instanceof TooLongHttpHeaderException) {
          refusal =
              pipeline.refusal(
                  request.uri(),
                  431,
                  "The request headers are larger than " + MAX_HEADERS + " bytes.");
        } else if (cause instanceof TooLongFrameException) {
          refusal = pipeline.refusal(request.uri(), 413, "The request is too large.");
        } else {
          refusal =
              pipeline.refusal(request.uri(), 400, "Malformed HTTP request: " + cause.getMessage());
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
      Router.Match<Target> match = router().match(method, rawPath);
      if (match == null) {
        List<String> allowed = router().allowedMethods(rawPath);
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
      if (match.handler() instanceof AdminTarget admin) {
        if (!adminAllowed(request, uri)) {
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
        workers.execute(
            () -> {
              Outgoing response;
              try {
                Answer a = admin.handler().handle(match.pathParams(), uri.parameters(), body);
                response = new Outgoing(a.status(), a.body(), a.headers(), a.contentType());
                engine.webhooks.pumpAndWait();
              } catch (RuntimeException | LinkageError | StackOverflowError e) {
                // A linkage error (a jar replaced under a running sandbox) or a runaway recursion
                // still gets an answer:
                // otherwise the worker dies and the caller waits for its own timeout.
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
      ProviderTarget p = (ProviderTarget) match.handler();
      Call call =
          ProviderRequests.toCall(
              p.provider(),
              request,
              uri,
              match.pathParams(),
              body,
              () -> {
                InetSocketAddress local = (InetSocketAddress) listener.localAddress();
                return local.getHostString() + ":" + local.getPort();
              });
      // A path of the spec asked with a method it does not document: 405 with the documented
      // methods.
      List<String> allowed = p.route() == null ? router().allowedMethods(rawPath) : List.of();
      long queuedBefore = engine.webhooks.queued();
      Outgoing response;
      List<String> broken = new ArrayList<>(0);
      try {
        response = pipeline.dispatch(p.provider(), p.route(), allowed, call, broken);
      } catch (RuntimeException | LinkageError | StackOverflowError e) {
        LOG.error("sandbox failure on {} {}", method, rawPath, e);
        response =
            new Outgoing(
                500, Json.bytes(Json.object().put("error", "sandbox failure: " + e)), Map.of());
      }
      requests.add(
          p.provider().prefix(),
          new RequestLog.Entry(
              java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
              method,
              call.path + (uri.rawQuery().isEmpty() ? "" : "?" + uri.rawQuery()),
              response.status(),
              (System.nanoTime() - started) / 1000,
              broken));
      if (engine.webhooks.queued() != queuedBefore) {
        // This request queued notifications: answer once they were attempted, so that a caller who
        // gets the answer
        // can rely on them. A worker waits; the subscriber may call back into the sandbox
        // meanwhile.
        busy = true;
        updateReading();
        Outgoing r = response;
        workers.execute(
            () -> {
              engine.webhooks.pumpAndWait();
              finish(r, keepAlive, head);
            });
        return;
      }
      write(response, keepAlive, head);
      if (engine.webhooks.anyPending()) {
        workers.execute(engine.webhooks::pump);
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
                  workers.execute(engine.webhooks::pump);
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

  /**
   * True when the admin API is open, or the request carries its token (compared in constant time):
   * as {@code Authorization: Bearer <token>}, or for a browser on the inspector page as the query
   * parameter {@code token}.
   */
  private boolean adminAllowed(FullHttpRequest request, QueryStringDecoder uri) {
    if (adminToken == null) {
      return true;
    }
    String given = null;
    String auth = request.headers().get(HttpHeaderNames.AUTHORIZATION);
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      given = auth.substring(7).trim();
    } else if (uri.parameters().containsKey("token")) {
      given = uri.parameters().get("token").get(0);
    }
    return given != null
        && java.security.MessageDigest.isEqual(adminToken, given.getBytes(StandardCharsets.UTF_8));
  }
}
