package dev.transferkit.sandbox;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
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
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The HTTP side, on Netty: routes for every provider operation and the admin API. Each provider request goes through
 * the same pipeline: authenticate, validate against the spec, handle, validate the response against the spec, write.
 *
 * <p>Threads: Netty's event loops read and write without blocking, so a client that sends half a request, or never
 * reads its answer, holds only its own connection. Provider requests are handled on the event loop of their
 * connection (no hand-off: the fastest path with one connection). What may block runs on worker threads: admin calls,
 * answers that must wait for webhook deliveries (a subscriber may call back into the sandbox), and the deliveries.
 */
final class Front {
  private static final Logger LOG = LoggerFactory.getLogger(Front.class);
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
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

  /** What the admin API registers: a handler of the path parameters, query and raw body. Runs on a worker thread. */
  interface AdminHandler {
    Answer handle(Map<String, String> pathParams, Map<String, List<String>> query, byte[] body);
  }

  private sealed interface Target permits ProviderTarget, AdminTarget {}

  private record ProviderTarget(ProviderApi provider, ProviderApi.Route route) implements Target {}

  private record AdminTarget(AdminHandler handler) implements Target {}

  private final Engine engine;
  private final CompletableFuture<Specs> specsLoading;
  private volatile Specs specs;
  private final boolean strictResponses;
  final List<ResponseViolation> violations = new CopyOnWriteArrayList<>();
  final RequestLog requests = new RequestLog();
  private final Router<Target> router = new Router<>();
  /** Set once the specs are loaded and the router holds their operations (see {@link #router()}). */
  private volatile boolean routed;
  final List<String> unhandled = new CopyOnWriteArrayList<>();
  private final List<ProviderApi> providers = new ArrayList<>();
  private EventLoopGroup loops;
  private Channel listener;
  private ExecutorService workers;

  /** The admin API's bearer token; null: the admin API is open (loopback without a token given). */
  private final byte[] adminToken;

  Front(Engine engine, CompletableFuture<Specs> specs, boolean strictResponses, String adminToken) {
    this.engine = engine;
    this.adminToken = adminToken == null ? null : adminToken.getBytes(StandardCharsets.UTF_8);
    this.specsLoading = specs;
    this.strictResponses = strictResponses;
  }

  void admin(String method, String path, AdminHandler handler) {
    router.add(method, "/__admin/" + path, new AdminTarget(handler));
  }

  /**
   * The routes: every operation of the providers' specs at {@code /<provider>/<the spec's path>}, the admin API, and
   * each provider's answer to paths it does not serve. Built once the specs are loaded (start() waits for that; a
   * request that arrives earlier waits too). An operation without a handler is logged and listed in
   * {@link #unhandled}.
   */
  private Router<Target> router() {
    if (!routed) {
      synchronized (this) {
        if (!routed) {
          Specs specs = specs();
          for (ProviderApi provider : providers) {
            for (ProviderApi.Route route : provider.routes(specs.operations(provider.provider()))) {
              router.add(route.method(), "/" + provider.prefix() + route.path(), new ProviderTarget(provider, route));
              if (route.op() == null) {
                String what = provider.prefix() + " " + route.operationId() + " (" + route.method() + " "
                    + route.path() + " in " + route.spec() + ")";
                unhandled.add(what);
                LOG.warn("no handler for {}: answered 501", what);
              }
            }
            for (String method : METHODS) {
              router.add(method, "/" + provider.prefix() + "/*", new ProviderTarget(provider, null));
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

  int start(String host, int port, List<ProviderApi> providers, AdminApi admin) throws InterruptedException {
    this.providers.addAll(providers);
    admin.register(this);
    AtomicInteger threads = new AtomicInteger();
    workers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "sandbox-worker-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    // One event loop per core accepts, reads, handles provider requests and writes.
    loops = new NioEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
        new DefaultThreadFactory("sandbox-http", true));
    ServerBootstrap bootstrap = new ServerBootstrap()
        .group(loops)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 256)
        .childOption(ChannelOption.TCP_NODELAY, true)
        // A connection whose client does not read its answers stops being read once this much is waiting for it.
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 256 * 1024))
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(
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

  /** Collects a request's body up to {@link #MAX_BODY}; a larger one (announced or sent) is answered 413. */
  private final class BoundedAggregator extends HttpObjectAggregator {
    BoundedAggregator() {
      super(MAX_BODY);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
      String uri = oversized instanceof HttpRequest r ? r.uri() : "/";
      // The rest of the body is not read: answer and close.
      Response refusal = refusal(uri, 413, "The request body is larger than " + MAX_BODY + " bytes.");
      ctx.writeAndFlush(refusal.toNetty(false)).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** A response ready to write. */
  private record Response(int status, byte[] body, Map<String, String> headers, String contentType) {
    Response(int status, byte[] body, Map<String, String> headers) {
      this(status, body, headers, "application/json");
    }

    FullHttpResponse toNetty(boolean keepAlive) {
      FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
          Unpooled.wrappedBuffer(body));
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

  /** The provider's answer (its error shape) to a request refused before it reached an operation. */
  private Response refusal(String uri, int status, String message) {
    String path = uri.startsWith("/") ? uri : "/";
    for (ProviderApi provider : providers) {
      if (path.startsWith("/" + provider.prefix() + "/")) {
        ApiError e = provider.refused(status, message);
        return new Response(status, Json.bytes(e.body), Map.of());
      }
    }
    return new Response(status, Json.bytes(Json.object().put("error", message)), Map.of());
  }

  /**
   * One connection's handler (one instance per connection, always called on its event loop). Answers go out in the
   * order the requests came: while an answer is being prepared on a worker, later requests of the same connection
   * (pipelined ones) wait in {@link #waiting} and the connection is not read. They wait there too while the client
   * does not read its answers, and beyond a burst of pipelined requests (served later in turns of {@link #BURST}).
   */
  private final class Connection extends ChannelInboundHandlerAdapter {
    /** Requests served in a row before the rest of a pipelined burst waits for a later turn of the event loop. */
    private static final int BURST = 16;
    private final ArrayDeque<FullHttpRequest> waiting = new ArrayDeque<>();
    private boolean busy;
    private boolean drainScheduled;
    /** Requests served since the last read completed (so one client's pipelined burst cannot hold the loop). */
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
        // An answer is being prepared on a worker, the client is not reading its answers, or it sent a long
        // pipelined burst: this request waits its turn, so that other connections on this event loop are served.
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

    /** Serves up to {@link #BURST} waiting requests, then yields the event loop to other connections. */
    private void drain() {
      drainScheduled = false;
      FullHttpRequest next;
      for (int n = 0; n < BURST && !busy && ctx.channel().isActive() && ctx.channel().isWritable()
          && (next = waiting.poll()) != null; n++) {
        try {
          serveOrRefuse(next);
        } finally {
          next.release();
        }
      }
      updateReading();
      scheduleDrain();
    }

    /** Serves; input the router or decoders cannot use (a malformed %-escape, say) is answered 400 and closed. */
    private void serveOrRefuse(FullHttpRequest request) {
      try {
        serve(request);
      } catch (IllegalArgumentException e) {
        ctx.writeAndFlush(refusal(request.uri(), 400, "Malformed request: " + e.getMessage()).toNetty(false))
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
        Response refusal;
        if (cause instanceof TooLongHttpLineException) {
          refusal = refusal(request.uri(), 414, "The request line is longer than " + MAX_REQUEST_LINE + " bytes.");
        } else if (cause instanceof TooLongHttpHeaderException) {
          refusal = refusal(request.uri(), 431, "The request headers are larger than " + MAX_HEADERS + " bytes.");
        } else if (cause instanceof TooLongFrameException) {
          refusal = refusal(request.uri(), 413, "The request is too large.");
        } else {
          refusal = refusal(request.uri(), 400, "Malformed HTTP request: " + cause.getMessage());
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
        write(new Response(404, Json.bytes(Json.object().put("error", "no such path: " + method + " " + rawPath)),
            Map.of()), keepAlive, head);
        return;
      }
      if (match.handler() instanceof AdminTarget admin) {
        if (!adminAllowed(request, uri)) {
          write(new Response(401, Json.bytes(Json.object().put("error", "the admin API needs the admin token printed"
              + " at start-up: send Authorization: Bearer <token>")), Map.of("WWW-Authenticate", "Bearer")),
              keepAlive, head);
          return;
        }
        // Admin calls may wait (for deliveries, for the clock's due work): a worker answers.
        busy = true;
        updateReading();
        workers.execute(() -> {
          Response response;
          try {
            Answer a = admin.handler().handle(match.pathParams(), uri.parameters(), body);
            response = new Response(a.status(), a.body(), a.headers(), a.contentType());
            engine.webhooks.pumpAndWait();
          } catch (RuntimeException e) {
            LOG.error("admin failure on {} {}", method, rawPath, e);
            response = new Response(500, Json.bytes(Json.object().put("error", "sandbox failure: " + e)), Map.of());
          }
          finish(response, keepAlive, head);
        });
        return;
      }
      ProviderTarget p = (ProviderTarget) match.handler();
      Call call = toCall(p.provider(), request, uri, match.pathParams(), body);
      long queuedBefore = engine.webhooks.queued();
      Response response;
      List<String> broken = new ArrayList<>(0);
      try {
        response = dispatch(p.provider(), p.route(), call, broken);
      } catch (RuntimeException e) {
        LOG.error("sandbox failure on {} {}", method, rawPath, e);
        response = new Response(500, Json.bytes(Json.object().put("error", "sandbox failure: " + e)), Map.of());
      }
      requests.add(p.provider().prefix(), new RequestLog.Entry(
          java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), method,
          call.path + (uri.rawQuery().isEmpty() ? "" : "?" + uri.rawQuery()), response.status(),
          (System.nanoTime() - started) / 1000, broken));
      if (engine.webhooks.queued() != queuedBefore) {
        // This request queued notifications: answer once they were attempted, so that a caller who gets the answer
        // can rely on them. A worker waits; the subscriber may call back into the sandbox meanwhile.
        busy = true;
        updateReading();
        Response r = response;
        workers.execute(() -> {
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
    private void finish(Response response, boolean keepAlive, boolean head) {
      ctx.executor().execute(() -> {
        busy = false;
        write(response, keepAlive, head);
        updateReading();
        scheduleDrain();
        if (!busy) {
          workers.execute(engine.webhooks::pump);
        }
      });
    }

    private void write(Response response, boolean keepAlive, boolean head) {
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
   * True when the admin API is open, or the request carries its token (compared in constant time): as {@code
   * Authorization: Bearer <token>}, or for a browser on the inspector page as the query parameter {@code token}.
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
    return given != null && java.security.MessageDigest.isEqual(adminToken, given.getBytes(StandardCharsets.UTF_8));
  }

  /** Answers one provider request; what broke the spec (request or response), in words, goes to {@code broken}. */
  private Response dispatch(ProviderApi provider, ProviderApi.Route route, Call call, List<String> broken) {
    Specs specs = specs();
    Reply reply;
    try {
      if (route == null) {
        throw provider.unknownPath(call);
      }
      if (route.op() == null) {
        return response(provider.refused(501, route.operationId() + " is in " + route.spec()
            + " but the sandbox does not simulate it.").reply());
      }
      synchronized (engine) {
        provider.authenticate(call, route);
      }
      List<Errors.Problem> problems = specs.validateRequest(route.spec(), call);
      if (!problems.isEmpty()) {
        for (Errors.Problem problem : problems) {
          broken.add("request: " + (problem.location().isEmpty() ? "" : problem.location() + ": ")
              + problem.message());
        }
        throw provider.invalid(route, call, problems);
      }
      reply = route.op().handle(call);
    } catch (ApiError e) {
      reply = e.reply();
    } catch (NumberFormatException | ArithmeticException e) {
      // Input the schema check let through but that is not a usable number (an integer query parameter with
      // surrounding whitespace, an amount with an exponent beyond BigDecimal's range): the caller's error, not ours.
      reply = provider.invalid(route, call, List.of(new Errors.Problem("invalid_value", "request",
          "A number in the request cannot be used: " + e.getMessage(), ""))).reply();
    } catch (Exception e) {
      LOG.error("sandbox failure on {} {}", call.method, call.path, e);
      reply = provider.internal("Sandbox failure: " + e).reply();
    }
    String requestId = call.header("X-Request-Id");
    if (requestId != null) {
      reply.header("X-Request-Id", requestId);
    }
    byte[] body = reply.body == null ? new byte[0] : Json.bytes(reply.body);
    if (route != null) {
      List<String> problems = specs.validateResponse(route.spec(), call, reply, body);
      if (!problems.isEmpty()) {
        problems.forEach(line -> broken.add("response: " + line));
        ResponseViolation v = new ResponseViolation(provider.prefix(), call.method, call.path, reply.status, problems,
            new String(body, StandardCharsets.UTF_8));
        violations.add(v);
        if (strictResponses) {
          Reply failure =
              provider.internal("Sandbox response violates " + route.spec() + ": " + String.join("; ", problems))
                  .reply();
          failure.headers.putAll(reply.headers);
          reply = failure;
          body = Json.bytes(reply.body);
        } else {
          LOG.warn("response violates the spec: {}", v);
        }
      }
    }
    return new Response(reply.status, body, reply.headers);
  }

  private static Response response(Reply reply) {
    return new Response(reply.status, reply.body == null ? new byte[0] : Json.bytes(reply.body), reply.headers);
  }

  static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private Call toCall(ProviderApi provider, FullHttpRequest request, QueryStringDecoder uri,
      Map<String, String> pathParams, byte[] body) {
    String rawPath = uri.rawPath();
    String rawQuery = uri.rawQuery();
    String prefix = "/" + provider.prefix();
    String path = rawPath.startsWith(prefix) ? rawPath.substring(prefix.length()) : rawPath;
    if (path.isEmpty()) {
      path = "/";
    }
    String host = request.headers().get(HttpHeaderNames.HOST);
    if (host == null) {
      InetSocketAddress local = (InetSocketAddress) listener.localAddress();
      host = local.getHostString() + ":" + local.getPort();
    }
    String fullUrl = "http://" + host + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> h : request.headers()) {
      headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>(1)).add(h.getValue());
    }
    return new Call(request.method().name(), path, fullUrl, parseQuery(rawQuery), headers, pathParams, body);
  }
}
