package dev.transferkit.sandbox;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side: Javalin (Jetty) routes for every provider operation and the admin API. Each provider request goes
 * through the same pipeline: authenticate, validate against the spec, handle, validate the response against the
 * spec, write.
 */
final class Front {
  private static final Logger LOG = LoggerFactory.getLogger(Front.class);
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

  private final Engine engine;
  private final Specs specs;
  private final boolean strictResponses;
  final List<ResponseViolation> violations = new CopyOnWriteArrayList<>();
  private Javalin app;

  Front(Engine engine, Specs specs, boolean strictResponses) {
    this.engine = engine;
    this.specs = specs;
    this.strictResponses = strictResponses;
  }

  int start(String host, int port, List<ProviderApi> providers, AdminApi admin) {
    app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jetty.host = host;
              config.jetty.port = port;
              config.http.maxRequestSize = 1_000_000;
              for (ProviderApi provider : providers) {
                for (ProviderApi.Route route : provider.routes) {
                  config.routes.addHttpHandler(
                      HandlerType.findOrCreate(route.method()),
                      "/" + provider.prefix() + route.path(),
                      ctx -> dispatch(provider, route, ctx));
                }
              }
              admin.register(config.routes);
              for (ProviderApi provider : providers) {
                for (String method : METHODS) {
                  config.routes.addHttpHandler(
                      HandlerType.findOrCreate(method), "/" + provider.prefix() + "/*", ctx -> dispatch(provider, null, ctx));
                }
              }
            });
    app.start();
    return app.port();
  }

  void stop() {
    if (app != null) {
      app.stop();
    }
  }

  private void dispatch(ProviderApi provider, ProviderApi.Route route, Context ctx) {
    Call call = toCall(provider, ctx);
    Reply reply;
    try {
      if (route == null) {
        throw provider.unknownPath(call);
      }
      provider.authenticate(call, route);
      List<Errors.Problem> problems = specs.validateRequest(route.spec(), call);
      if (!problems.isEmpty()) {
        throw provider.invalid(route, call, problems);
      }
      reply = route.op().handle(call);
    } catch (ApiError e) {
      reply = e.reply();
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
        ResponseViolation v =
            new ResponseViolation(
                provider.prefix(), call.method, call.path, reply.status, problems, new String(body, StandardCharsets.UTF_8));
        violations.add(v);
        if (strictResponses) {
          Reply failure =
              provider.internal("Sandbox response violates " + route.spec() + ": " + String.join("; ", problems)).reply();
          failure.headers.putAll(reply.headers);
          reply = failure;
          body = Json.bytes(reply.body);
        } else {
          LOG.warn("response violates the spec: {}", v);
        }
      }
    }
    write(ctx, reply, body);
    // State may have changed and queued notifications: deliver them now, outside the engine lock.
    engine.webhooks.pump();
  }

  static void write(Context ctx, Reply reply, byte[] body) {
    ctx.status(reply.status);
    reply.headers.forEach(ctx::header);
    if (body.length > 0) {
      ctx.contentType("application/json");
      ctx.result(body);
    }
  }

  private static Call toCall(ProviderApi provider, Context ctx) {
    HttpServletRequest req = ctx.req();
    String rawPath = req.getRequestURI();
    String prefix = "/" + provider.prefix();
    String path = rawPath.startsWith(prefix) ? rawPath.substring(prefix.length()) : rawPath;
    if (path.isEmpty()) {
      path = "/";
    }
    String rawQuery = req.getQueryString();
    String host = req.getHeader("Host");
    String fullUrl =
        req.getScheme() + "://" + (host != null ? host : req.getServerName() + ":" + req.getServerPort()) + rawPath
            + (rawQuery == null ? "" : "?" + rawQuery);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(req.getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(req.getHeaders(name))));
    }
    Map<String, List<String>> query = new LinkedHashMap<>(ctx.queryParamMap());
    Map<String, String> pathParams;
    try {
      pathParams = ctx.pathParamMap();
    } catch (RuntimeException e) {
      pathParams = Map.of();
    }
    return new Call(req.getMethod(), path, fullUrl, query, headers, pathParams, ctx.bodyAsBytes());
  }
}
