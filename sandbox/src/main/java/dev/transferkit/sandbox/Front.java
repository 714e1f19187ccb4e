package dev.transferkit.sandbox;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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

  sealed interface Target permits ProviderTarget, AdminTarget {}

  record ProviderTarget(ProviderApi provider, ProviderApi.Route route) implements Target {}

  record AdminTarget(AdminHandler handler) implements Target {}

  final Engine engine;
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
  final ProviderRequests pipeline;
  private EventLoopGroup loops;
  Channel listener;
  ExecutorService workers;

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
  Router<Target> router() {
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
                            new FrontConnection(Front.this));
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
   * True when the admin API is open, or the request carries its token (compared in constant time):
   * as {@code Authorization: Bearer <token>}, or for a browser on the inspector page as the query
   * parameter {@code token}.
   */
  boolean adminAllowed(FullHttpRequest request, QueryStringDecoder uri) {
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
