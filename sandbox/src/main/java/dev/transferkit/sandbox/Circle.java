package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_OTHER_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_PAYOUT_WALLET;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_SG_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_SG_PAYOUT_WALLET;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The Circle model all three Circle products share: entities (one per API key), who owns which
 * account or wallet, the ledger of balances and the helpers of Circle's envelopes and errors.
 * Guarded by the engine monitor.
 */
final class Circle {
  static final Pattern UUID_TEXT =
      Pattern.compile(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  static final SecureRandom RANDOM = new SecureRandom();

  final Engine engine;

  // Entities (one per API key), their accounts / wallets, and the money.
  record Entity(
      String id, String apiKey, String type, boolean purposeRequired, String defaultWallet) {}

  final Map<String, Entity> entities = new LinkedHashMap<>();

  /** Holder id ("account:1017381855", "wallet:53535335", "w3s:<walletId>") to owning entity id. */
  final Map<String, String> owners = new HashMap<>();

  final Book book = new Book();

  /**
   * The idempotency keys of account transfers and payouts, per entity (payouts' under {@code
   * /payout/}).
   */
  final Map<String, Idem> idempotency = new HashMap<>();

  /**
   * The request an idempotency key was first used with: its canonical bytes (members sorted), or
   * the raw body bytes, canonicalized only when the key is used again (most keys never are, and
   * canonicalizing on every create cost about 5% of the sandbox's CPU at one connection).
   */
  record Idem(byte[] canonical, byte[] raw, String resultId) {
    Idem(JsonNode request, String resultId) {
      this(Json.canonical(request), null, resultId);
    }

    /** Bound to a request body as received (a JSON object the spec check has parsed). */
    static Idem ofBody(byte[] raw, String resultId) {
      return new Idem(null, raw, resultId);
    }

    boolean sameRequest(JsonNode other) {
      byte[] mine = canonical != null ? canonical : Json.canonical(Json.parseStrict(raw));
      return java.util.Arrays.equals(mine, Json.canonical(other));
    }
  }

  void addEntity(
      String id, String apiKey, String type, boolean purposeRequired, String defaultWallet) {
    entities.put(apiKey, new Entity(id, apiKey, type, purposeRequired, defaultWallet));
  }

  void addHolder(String kind, String id, String entity, Map<String, BigDecimal> balances) {
    owners.put(kind + ":" + id, entity);
    balances.forEach((c, a) -> book.set(kind + ":" + id, c, a));
  }

  // ------------------------------------------------------------------------------------------
  // admin

  /** Creates an entity with its own API key (admin). */
  ObjectNode adminCreateEntity(JsonNode body) {
    String apiKey = Json.str(body, "apiKey");
    if (apiKey == null || apiKey.split(":").length != 3) {
      throw new IllegalArgumentException("apiKey of the form PREFIX:ID:SECRET is required");
    }
    if (entities.containsKey(apiKey)) {
      throw new IllegalArgumentException("apiKey already exists");
    }
    String id = "entity-" + UUID.randomUUID();
    String type = Objects.requireNonNullElse(Json.str(body, "entityType"), "CIRCLE_INC");
    boolean required = body.path("purposeOfTransferRequired").asBoolean(type.equals("CIRCLE_SG"));
    String wallet = Json.str(body, "defaultWalletId");
    addEntity(id, apiKey, type, required, wallet);
    if (wallet != null) {
      addHolder("wallet", wallet, id, Map.of());
    }
    ObjectNode out = Json.object();
    out.put("apiKey", apiKey);
    out.put("entityId", id);
    out.put("entityType", type);
    out.put("purposeOfTransferRequired", required);
    return out;
  }

  Entity adminEntity(JsonNode body) {
    String apiKey = Objects.requireNonNullElse(Json.str(body, "apiKey"), CIRCLE_API_KEY);
    Entity e = entities.get(apiKey);
    if (e == null) {
      throw new IllegalArgumentException("unknown Circle apiKey " + apiKey);
    }
    return e;
  }

  /**
   * Creates an account or wallet ({kind: account|wallet, id?, apiKey?, balances: [{amount,
   * currency}]}).
   */
  ObjectNode adminCreateHolder(String kind, JsonNode body) {
    Entity e = adminEntity(body);
    String id = Json.str(body, "id");
    if (id == null) {
      id = String.valueOf(1_000_000_000L + RANDOM.nextInt(1_000_000_000));
    }
    if (owners.containsKey(kind + ":" + id)) {
      throw new IllegalArgumentException(kind + " " + id + " already exists");
    }
    owners.put(kind + ":" + id, e.id());
    for (JsonNode m : body.path("balances")) {
      book.set(
          kind + ":" + id, m.path("currency").asText(), Json.decimal(m.path("amount").asText()));
    }
    ObjectNode out = Json.object();
    out.put("id", id);
    out.put("kind", kind);
    out.put("apiKey", e.apiKey());
    out.set("balances", balancesJson(kind + ":" + id));
    return out;
  }

  /** Sets one balance of an account / wallet ({amount, currency}). */
  ObjectNode adminSetBalance(String kind, String id, JsonNode body) {
    if (!owners.containsKey(kind + ":" + id)) {
      throw new NoSuchElementException(kind + " " + id + " does not exist");
    }
    book.set(
        kind + ":" + id,
        body.path("currency").asText(),
        Json.decimal(body.path("amount").asText()));
    ObjectNode out = Json.object();
    out.put("id", id);
    out.set("balances", balancesJson(kind + ":" + id));
    return out;
  }

  static Entity entity(Call call) {
    return (Entity) call.principal;
  }

  static ApiError invalidField(String headline, String location, String message, String value) {
    return Errors.circleInvalid(
        headline, List.of(new Errors.Problem("invalid_value", location, message, value)));
  }

  static BigDecimal positiveAmount(String headline, String location, String text, int maxScale) {
    BigDecimal amount;
    try {
      amount = Json.decimal(text);
    } catch (NumberFormatException | NullPointerException e) {
      throw Errors.circleInvalid(
          headline,
          List.of(
              new Errors.Problem(
                  "number_format", location, location + " is not a decimal number", text)));
    }
    if (amount.signum() <= 0) {
      throw Errors.circleInvalid(
          headline,
          List.of(
              new Errors.Problem(
                  "min_value", location, location + " must be greater than 0", text)));
    }
    if (maxScale >= 0 && amount.scale() > maxScale) {
      throw invalidField(
          headline, location, location + " has more than " + maxScale + " decimal places", text);
    }
    return amount;
  }

  static void requireUuid(String headline, String location, String value) {
    if (value == null || !UUID_TEXT.matcher(value).matches()) {
      throw invalidField(headline, location, location + " must be a UUID", value);
    }
  }

  /** The {@code from} / {@code to} filter of a list (both inclusive, either may be absent). */
  record Period(Instant from, Instant to) {
    boolean contains(Instant at) {
      return (from == null || !at.isBefore(from)) && (to == null || !at.isAfter(to));
    }
  }

  /**
   * The {@code from} / {@code to} query parameters of a list, read by the sandbox's one RFC 3339
   * reader ({@link Json#instant}). A value that names no instant is the caller's error: Circle's
   * 400 (code 2) naming the parameter, never a 500.
   */
  static Period period(Call call) {
    return new Period(instant(call, "from"), instant(call, "to"));
  }

  private static Instant instant(Call call, String name) {
    String text = call.query(name);
    if (text == null) {
      return null;
    }
    try {
      return Json.instant(text);
    } catch (DateTimeException e) {
      throw invalidField(
          "API parameter invalid", name, name + " is not a usable RFC 3339 date-time", text);
    }
  }

  // ------------------------------------------------------------------------------------------
  // shared by the products

  ArrayNode balancesJson(String holder) {
    ArrayNode list = Json.array();
    book.balances(holder).forEach((currency, amount) -> list.add(Json.money(amount, currency)));
    return list;
  }

  static ObjectNode location(String type, String id) {
    ObjectNode o = Json.object();
    o.put("type", type);
    o.put("id", id);
    return o;
  }

  // ------------------------------------------------------------------------------------------
  // helpers

  static Reply envelope(int status, JsonNode data) {
    ObjectNode out = Json.object();
    out.set("data", data);
    return new Reply(status, out);
  }

  static String randomHex(int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append("0123456789abcdef".charAt(RANDOM.nextInt(16)));
    }
    return b.toString();
  }

  static String randomBase58(int length) {
    String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  Circle(Engine engine) {
    this.engine = engine;
  }

  /**
   * Back to the seeded entities and their accounts and payout wallets (the products seed the rest).
   */
  void reset() {
    entities.clear();
    owners.clear();
    book.clear();
    idempotency.clear();
    addEntity("entity-1", CIRCLE_API_KEY, "CIRCLE_INC", false, CIRCLE_PAYOUT_WALLET);
    addEntity("entity-2", CIRCLE_OTHER_API_KEY, "CIRCLE_INC", false, null);
    addEntity("entity-sg", CIRCLE_SG_API_KEY, "CIRCLE_SG", true, CIRCLE_SG_PAYOUT_WALLET);
  }

  /** The admin routes of what this model holds: entities. */
  void admin(AdminApi admin) {
    admin.route(
        "POST",
        "circle/entities",
        "{apiKey, entityType?, purposeOfTransferRequired?, defaultWalletId?}",
        true,
        (p, b) -> adminCreateEntity(b));
  }
}
