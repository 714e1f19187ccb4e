package dev.transferkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox-only control API under {@code /__admin/} (documented in the module README): reset, clock, ledger, seed,
 * webhook log, and arranging accounts, users, wallets, balances and address-book entries. JSON in and out; errors are
 * {@code {"error": "..."}} with 400 (bad input), 404 (unknown object) or 409 (wrong state).
 */
final class AdminApi {
  private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);

  private interface Action {
    JsonNode run(Map<String, String> path, JsonNode body);
  }

  private final Engine engine;
  private final Sandbox sandbox;
  private final Map<String, String> index = new LinkedHashMap<>();

  AdminApi(Engine engine, Sandbox sandbox) {
    this.engine = engine;
    this.sandbox = sandbox;
  }

  void register(Front routes) {
    route(routes, "GET", "", "this index", false, (p, b) -> {
      ObjectNode o = Json.object();
      index.forEach(o::put);
      return o;
    });
    route(routes, "POST", "reset", "back to the seed (clock unchanged)", false, (p, b) -> {
      engine.reset();
      return Json.object().put("reset", true);
    });
    route(routes, "GET", "clock", "the sandbox time", true, (p, b) -> clock());
    route(routes, "POST", "clock/advance", "{seconds} or {duration: \"PT15M\"}: move the clock, run what is due",
        false, (p, b) -> {
          Duration d = b.hasNonNull("duration") ? Duration.parse(b.get("duration").asText())
              : Duration.ofMillis(Math.round(b.path("seconds").asDouble(0) * 1000));
          engine.clock.advance(d);
          return clock();
        });
    route(routes, "GET", "seed", "seeded keys and ids", false, (p, b) -> seed());
    route(routes, "GET", "ledger", "all balances (system holders included), totals and transfers per provider", true,
        (p, b) -> {
          ObjectNode o = Json.object();
          o.put("now", Json.iso(engine.now()));
          o.set("circle", engine.circle.ledger());
          o.set("wyre", engine.wyre.ledger());
          o.set("streambird", engine.streambird.ledger());
          return o;
        });
    route(routes, "GET", "webhooks", "log of webhook / callback deliveries and their attempts", true,
        (p, b) -> engine.webhooks.describe());

    // Circle
    route(routes, "POST", "circle/entities", "{apiKey, entityType?, purposeOfTransferRequired?, defaultWalletId?}",
        true, (p, b) -> engine.circle.adminCreateEntity(b));
    route(routes, "POST", "circle/accounts", "{id?, apiKey?, balances: [{amount, currency}]}", true,
        (p, b) -> engine.circle.adminCreateHolder("account", b));
    route(routes, "PUT", "circle/accounts/{id}/balance", "{amount, currency}", true,
        (p, b) -> engine.circle.adminSetBalance("account", p.get("id"), b));
    route(routes, "POST", "circle/wallets", "payout source wallet: {id?, apiKey?, balances}", true,
        (p, b) -> engine.circle.adminCreateHolder("wallet", b));
    route(routes, "PUT", "circle/wallets/{id}/balance", "{amount, currency}", true,
        (p, b) -> engine.circle.adminSetBalance("wallet", p.get("id"), b));
    route(routes, "POST", "circle/address-book", "{id?, apiKey?, chain?, address?, denied?, active?}", true,
        (p, b) -> engine.circle.adminCreateAddressBookEntry(b));
    route(routes, "POST", "circle/w3s/users", "{userId?, apiKey?, pinStatus?}", true,
        (p, b) -> engine.circle.adminCreateUser(b));
    route(routes, "POST", "circle/w3s/wallets", "{userId, apiKey?, blockchain?, id?, address?, balances:"
        + " [{tokenId, amount}]}", true, (p, b) -> engine.circle.adminCreateWallet(b));
    route(routes, "PUT", "circle/w3s/wallets/{id}/balance", "{tokenId, amount}", true,
        (p, b) -> engine.circle.adminSetWalletBalance(p.get("id"), b));
    route(routes, "POST", "circle/w3s/challenges/{id}/complete", "stand-in for the PIN entry; {outcome: FAILED}"
        + " refuses instead", true, (p, b) -> engine.circle.adminCompleteChallenge(p.get("id"), b));
    route(routes, "POST", "circle/w3s/failing-addresses", "{address, outcome: FAILED|DENIED}", true,
        (p, b) -> engine.circle.adminFailingAddress(b));
    route(routes, "POST", "circle/subscriptions", "{endpoint, apiKey?}: webhook subscription", true,
        (p, b) -> engine.circle.adminSubscribe(b));

    // Wyre
    route(routes, "POST", "wyre/accounts", "{id?, parentId?, apiKey?, secretKey?, balances: [{currency, amount}]}",
        true, (p, b) -> engine.wyre.adminCreateAccount(b));
    route(routes, "POST", "wyre/holders", "{type: wallet|paymentmethod, id?, ownerId?, balances}", true,
        (p, b) -> engine.wyre.adminCreateHolder(b));
    route(routes, "PUT", "wyre/balance", "{srn, currency, amount}", true, (p, b) -> engine.wyre.adminSetBalance(b));

    // Streambird
    route(routes, "POST", "streambird/apps", "{apiKey?, appId?}", true, (p, b) -> engine.streambird.adminCreateApp(b));
    route(routes, "POST", "streambird/users", "{userId?, appId?}", true,
        (p, b) -> engine.streambird.adminCreateUser(b));
    route(routes, "POST", "streambird/wallets", "{userId, walletType, id?, address?, balances: [{token_symbol,"
        + " amount}]}", true, (p, b) -> engine.streambird.adminCreateWallet(b));
    route(routes, "PUT", "streambird/wallets/{id}/balance", "{token_symbol, amount}", true,
        (p, b) -> engine.streambird.adminSetBalance(p.get("id"), b));
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

  private void route(Front routes, String method, String path, String description, boolean locked, Action a) {
    index.put(method + " /__admin/" + path, description);
    routes.admin(method, path, (params, raw) -> {
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
      } catch (IllegalArgumentException | NullPointerException | DateTimeParseException
          | java.io.IOException | ArithmeticException e) {
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
