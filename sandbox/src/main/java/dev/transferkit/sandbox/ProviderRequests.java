package dev.transferkit.sandbox;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline of one provider request, apart from the HTTP server ({@link Front}): authenticate,
 * check the body is one JSON document, validate against the spec, handle, validate the response
 * against the spec. Every failure on the way is answered in the provider's error shape.
 */
final class ProviderRequests {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderRequests.class);

  private final Engine engine;
  private final Supplier<Specs> specs;
  private final boolean strictResponses;
  private final List<ResponseViolation> violations;
  private final List<ProviderApi> providers;

  ProviderRequests(
      Engine engine,
      Supplier<Specs> specs,
      boolean strictResponses,
      List<ResponseViolation> violations,
      List<ProviderApi> providers) {
    this.engine = engine;
    this.specs = specs;
    this.strictResponses = strictResponses;
    this.violations = violations;
    this.providers = providers;
  }

  /**
   * The provider's answer (its error shape) to a request refused before it reached an operation.
   */
  Outgoing refusal(String uri, int status, String message) {
    String path = uri.startsWith("/") ? uri : "/";
    for (ProviderApi provider : providers) {
      if (path.startsWith("/" + provider.prefix() + "/")) {
        ApiError e = provider.refused(status, message);
        return new Outgoing(status, Json.bytes(e.body), Map.of());
      }
    }
    return new Outgoing(status, Json.bytes(Json.object().put("error", message)), Map.of());
  }

  /**
   * Answers one provider request; what broke the spec (request or response), in words, goes to
   * {@code broken}.
   *
   * @param route the operation, or null when the path is none of the provider's
   * @param allowed when {@code route} is null: the methods the spec documents on this path (empty:
   *     unknown path)
   */
  Outgoing dispatch(
      ProviderApi provider,
      ProviderApi.Route route,
      List<String> allowed,
      Call call,
      List<String> broken) {
    Specs specs = this.specs.get();
    Reply reply;
    try {
      if (route == null && !allowed.isEmpty()) {
        String allow = String.join(", ", allowed);
        return Outgoing.of(
            provider
                .refused(
                    405, call.method + " is not allowed on " + call.path + "; allowed: " + allow)
                .reply()
                .header("Allow", allow));
      }
      if (route == null) {
        throw provider.unknownPath(call);
      }
      if (route.op() == null) {
        return Outgoing.of(
            provider
                .refused(
                    501,
                    route.operationId()
                        + " is in "
                        + route.spec()
                        + " but the sandbox does not simulate it.")
                .reply());
      }
      if (route.authenticated()) {
        synchronized (engine) {
          provider.authenticate(call, route);
        }
      }
      String notOneDocument = call.rawBody.length == 0 ? null : Json.notOneDocument(call.rawBody);
      if (notOneDocument != null) {
        // The validator reads the first JSON value and ignores what follows it; a provider's parser
        // refuses the body.
        broken.add("request: body: " + notOneDocument);
        throw provider.invalid(
            route,
            call,
            List.of(new Errors.Problem("invalid_value", "body", notOneDocument, null)));
      }
      List<Errors.Problem> problems = specs.validateRequest(route, call);
      if (!problems.isEmpty()) {
        for (Errors.Problem problem : problems) {
          broken.add(
              "request: "
                  + (problem.location().isEmpty() ? "" : problem.location() + ": ")
                  + problem.message());
        }
        throw provider.invalid(route, call, problems);
      }
      reply = route.op().handle(call);
    } catch (ApiError e) {
      reply = e.reply();
    } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
      // Input the schema check let through but that is not a usable number or time (an amount
      // with an exponent beyond BigDecimal's range): the caller's error, not ours.
      reply =
          provider
              .invalid(
                  route,
                  call,
                  List.of(
                      new Errors.Problem(
                          "invalid_value",
                          "request",
                          "A value in the request cannot be used: " + e.getMessage(),
                          "")))
              .reply();
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
      List<String> problems = specs.validateResponse(route, call, reply, body);
      if (!problems.isEmpty()) {
        problems.forEach(line -> broken.add("response: " + line));
        ResponseViolation v =
            new ResponseViolation(
                provider.prefix(),
                call.method,
                call.path,
                reply.status,
                problems,
                new String(body, StandardCharsets.UTF_8));
        violations.add(v);
        if (strictResponses) {
          Reply failure =
              provider
                  .internal(
                      "Sandbox response violates "
                          + route.spec()
                          + ": "
                          + String.join("; ", problems))
                  .reply();
          failure.headers.putAll(reply.headers);
          reply = failure;
          body = Json.bytes(reply.body);
        } else {
          LOG.warn("response violates the spec: {}", v);
        }
      }
    }
    return new Outgoing(reply.status, body, reply.headers);
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
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return query;
  }

  /**
   * The request as a provider handler sees it; {@code localHost} stands in for a missing Host
   * header.
   */
  static Call toCall(
      ProviderApi provider,
      FullHttpRequest request,
      QueryStringDecoder uri,
      Map<String, String> pathParams,
      byte[] body,
      Supplier<String> localHost) {
    String rawPath = uri.rawPath();
    String rawQuery = uri.rawQuery();
    String prefix = "/" + provider.prefix();
    String path = rawPath.startsWith(prefix) ? rawPath.substring(prefix.length()) : rawPath;
    if (path.isEmpty()) {
      path = "/";
    }
    String host = request.headers().get(HttpHeaderNames.HOST);
    if (host == null) {
      host = localHost.get();
    }
    String fullUrl = "http://" + host + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> h : request.headers()) {
      headers.computeIfAbsent(h.getKey(), k -> new ArrayList<>(1)).add(h.getValue());
    }
    return new Call(
        request.method().name(), path, fullUrl, parseQuery(rawQuery), headers, pathParams, body);
  }
}
