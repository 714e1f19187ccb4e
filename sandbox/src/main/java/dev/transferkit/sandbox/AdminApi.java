package dev.transferkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox-only control API under {@code /__admin/} (documented in the module README): reset,
 * clock, ledger, seed, webhook log, and arranging accounts, users, wallets, balances and
 * address-book entries. JSON in and out; errors are {@code {"error": "..."}} with 400 (bad input),
 * 404 (unknown object) or 409 (wrong state).
 */
final class AdminApi {
  private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);

  /** One admin operation: from the path parameters and the JSON body to the JSON answer. */
  interface Action {
    JsonNode run(Map<String, String> path, JsonNode body);
  }

  private final Engine engine;
  private final Sandbox sandbox;
  private final Map<String, String> index = new LinkedHashMap<>();
  private Front front;

  AdminApi(Engine engine, Sandbox sandbox) {
    this.engine = engine;
    this.sandbox = sandbox;
  }

  void register(Front routes) {
    this.front = routes;
    Inspector inspector = new Inspector(engine, engine.providers(), routes.requests);
    index.put(
        "GET /__admin/", "the inspector page (HTML): clock, recent requests, webhooks, balances");
    routes.admin(
        "GET",
        "",
        (params, query, raw) -> {
          List<String> token = query.get("token");
          String keep =
              token == null
                  ? ""
                  : "?token="
                      + java.net.URLEncoder.encode(
                          token.get(0), java.nio.charset.StandardCharsets.UTF_8);
          return new Front.Answer(
              200,
              inspector.render(keep).getBytes(java.nio.charset.StandardCharsets.UTF_8),
              "text/html; charset=utf-8",
              Map.of());
        });
    index.put(
        "POST /__admin/inspector/clock",
        "the inspector's clock form (minutes=N); answers 303 to the page");
    routes.admin(
        "POST",
        "inspector/clock",
        (params, query, raw) -> {
          try {
            inspector.advance(raw);
          } catch (IllegalArgumentException e) {
            return new Front.Answer(400, Json.bytes(error(e)));
          }
          List<String> token = query.get("token");
          String keep =
              token == null
                  ? ""
                  : "?token="
                      + java.net.URLEncoder.encode(
                          token.get(0), java.nio.charset.StandardCharsets.UTF_8);
          return new Front.Answer(
              303, new byte[0], "text/html", Map.of("Location", "/__admin/" + keep));
        });
    route(
        routes,
        "GET",
        "index",
        "this index",
        false,
        (p, b) -> {
          ObjectNode o = Json.object();
          index.forEach(o::put);
          return o;
        });
    route(
        routes,
        "POST",
        "reset",
        "back to the seed (clock unchanged)",
        false,
        (p, b) -> {
          engine.reset();
          return Json.object().put("reset", true);
        });
    route(routes, "GET", "clock", "the sandbox time", true, (p, b) -> clock());
    route(
        routes,
        "POST",
        "clock/advance",
        "{seconds} or {duration: \"PT15M\"}: move the clock, run what is due",
        false,
        (p, b) -> {
          Duration d =
              b.hasNonNull("duration")
                  ? Duration.parse(b.get("duration").asText())
                  : Duration.ofMillis(Math.round(b.path("seconds").asDouble(0) * 1000));
          engine.clock.advance(d);
          return clock();
        });
    route(routes, "GET", "seed", "seeded keys and ids", false, (p, b) -> seed());
    route(
        routes,
        "GET",
        "ledger",
        "all balances (system holders included), totals and transfers per provider",
        true,
        (p, b) -> {
          ObjectNode o = Json.object();
          o.put("now", Json.iso(engine.now()));
          o.set("circle", engine.circle.ledger());
          o.set("wyre", engine.wyre.ledger());
          o.set("streambird", engine.streambird.ledger());
          return o;
        });
    route(
        routes,
        "GET",
        "webhooks",
        "log of webhook / callback deliveries and their attempts",
        true,
        (p, b) -> engine.webhooks.describe());

    // Each provider's own: beside the state they arrange.
    engine.circle.admin(this);
    engine.wyre.admin(this);
    engine.streambird.admin(this);
  }

  private ObjectNode clock() {
    ObjectNode o = Json.object();
    o.put("now", Json.iso(engine.now()));
    o.put("epochMillis", engine.now().toEpochMilli());
    o.put("ticking", engine.clock.isTicking());
    return o;
  }

  private ObjectNode seed() {
    SandboxSeed seed = sandbox.seed();
    ObjectNode o = Json.object();
    for (java.lang.reflect.Field f : SandboxSeed.class.getFields()) {
      try {
        o.put(f.getName(), (String) f.get(null));
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    o.put("CIRCLE_NOTIFICATION_KEY_ID", seed.circleNotificationKeyId());
    return o;
  }

  /**
   * Registers {@code method /__admin/path}; {@code locked}: runs under the engine monitor. Errors:
   * 404 for {@link NoSuchElementException}, 409 for {@link IllegalStateException}, 400 for bad
   * input.
   */
  void route(String method, String path, String description, boolean locked, Action a) {
    route(front, method, path, description, locked, a);
  }

  private void route(
      Front routes, String method, String path, String description, boolean locked, Action a) {
    index.put(method + " /__admin/" + path, description);
    routes.admin(
        method,
        path,
        (params, query, raw) -> {
          int status = 200;
          JsonNode out;
          try {
            JsonNode body = raw.length == 0 ? Json.object() : Json.parse(raw);
            if (locked) {
              synchronized (engine) {
                out = a.run(params, body);
              }
            } else {
              out = a.run(params, body);
            }
          } catch (NoSuchElementException e) {
            status = 404;
            out = error(e);
          } catch (IllegalStateException e) {
            status = 409;
            out = error(e);
          } catch (IllegalArgumentException
              | NullPointerException
              | DateTimeParseException
              | java.io.IOException
              | ArithmeticException e) {
            status = 400;
            out = error(e);
          } catch (RuntimeException e) {
            LOG.error("admin failure", e);
            status = 500;
            out = error(e);
          }
          return new Front.Answer(status, Json.bytes(out));
        });
  }

  private static ObjectNode error(Exception e) {
    return Json.object().put("error", String.valueOf(e.getMessage()));
  }
}
