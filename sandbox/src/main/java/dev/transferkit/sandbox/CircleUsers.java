package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.Circle.RANDOM;
import static dev.transferkit.sandbox.Circle.entity;
import static dev.transferkit.sandbox.Circle.envelope;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_USER_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.transferkit.sandbox.Circle.Entity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Circle user-controlled wallets' end users: creation, their session tokens (JWTs the sandbox
 * signs) and their PIN status. Guarded by the engine monitor.
 */
final class CircleUsers {
  private final Circle circle;

  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(60);

  final byte[] tokenSecret = new byte[32];

  static final class User {
    final String entity;
    final String id;
    final String internalId = UUID.randomUUID().toString();
    final Instant created;

    /** UNSET until the user's INITIALIZE challenge completes, then ENABLED. */
    String pinStatus;

    User(String entity, String id, Instant created, String pinStatus) {
      this.entity = entity;
      this.id = id;
      this.created = created;
      this.pinStatus = pinStatus;
    }
  }

  private final Map<String, User> users = new LinkedHashMap<>(); // entity + "/" + userId

  CircleUsers(Circle circle) {
    this.circle = circle;
    RANDOM.nextBytes(tokenSecret);
  }

  /** The user {@code userId} of the entity, or null. */
  User get(String entity, String userId) {
    return users.get(entity + "/" + userId);
  }

  ObjectNode adminCreateUser(JsonNode body) {
    Entity e = circle.adminEntity(body);
    String userId =
        Objects.requireNonNullElse(Json.str(body, "userId"), UUID.randomUUID().toString());
    if (users.containsKey(e.id() + "/" + userId)) {
      throw new IllegalArgumentException("user " + userId + " already exists");
    }
    User u =
        new User(
            e.id(),
            userId,
            circle.engine.now(),
            Objects.requireNonNullElse(Json.str(body, "pinStatus"), "ENABLED"));
    users.put(e.id() + "/" + userId, u);
    return userJson(u);
  }

  // ------------------------------------------------------------------------------------------ W3S
  // users & tokens

  ObjectNode userJson(User u) {
    ObjectNode o = Json.object();
    o.put("id", u.id);
    o.put("createDate", Json.iso(u.created));
    o.put("pinStatus", u.pinStatus);
    o.put("status", "ENABLED");
    o.put("securityQuestionStatus", u.pinStatus);
    o.putObject("pinDetails").put("failedAttempts", 0);
    o.putObject("securityQuestionDetails").put("failedAttempts", 0);
    return o;
  }

  Reply createUser(Call call) {
    String userId = call.json().path("userId").asText();
    Entity e = entity(call);
    synchronized (circle.engine) {
      if (users.containsKey(e.id() + "/" + userId)) {
        throw Errors.circle(409, 155101, "Existing user already created with the provided userId.");
      }
      User u = new User(e.id(), userId, circle.engine.now(), "UNSET");
      users.put(e.id() + "/" + userId, u);
      return envelope(201, userJson(u));
    }
  }

  Reply getUserToken(Call call) {
    String userId = call.json().path("userId").asText();
    Entity e = entity(call);
    synchronized (circle.engine) {
      User u = users.get(e.id() + "/" + userId);
      if (u == null) {
        throw Errors.circle(404, 155102, "Cannot find the user with the given userId.");
      }
      long iat = circle.engine.now().getEpochSecond();
      ObjectNode header = Json.object();
      header.put("alg", "HS256");
      header.put("typ", "JWT");
      ObjectNode claims = Json.object();
      claims.put("developerEntityEnvironment", "TEST");
      claims.put("entityId", e.id());
      claims.put("exp", iat + TOKEN_LIFETIME.getSeconds());
      claims.put("iat", iat);
      claims.put("internalUserId", u.internalId);
      claims.put("iss", "https://programmable-wallet.circle.com");
      claims.put("jti", UUID.randomUUID().toString());
      claims.put("sub", u.id);
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      String unsigned =
          b64.encodeToString(Json.bytes(header)) + "." + b64.encodeToString(Json.bytes(claims));
      String token = unsigned + "." + b64.encodeToString(hmac(unsigned));
      byte[] key = new byte[32];
      RANDOM.nextBytes(key);
      ObjectNode data = Json.object();
      data.put("userToken", token);
      data.put("encryptionKey", Base64.getEncoder().encodeToString(key));
      return envelope(200, data);
    }
  }

  byte[] hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(tokenSecret, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** The user the X-User-Token belongs to, or the documented 403. */
  User user(Call call) {
    String token = call.header("X-User-Token");
    String[] parts = token == null ? new String[0] : token.split("\\.");
    ApiError invalid = Errors.circle(403, 155105, "The userToken is invalid.");
    if (parts.length != 3) {
      throw invalid;
    }
    byte[] expected = hmac(parts[0] + "." + parts[1]);
    byte[] given;
    JsonNode claims;
    try {
      given = Base64.getUrlDecoder().decode(parts[2]);
      claims = Json.parse(Base64.getUrlDecoder().decode(parts[1]));
    } catch (Exception ex) {
      throw invalid;
    }
    if (!java.security.MessageDigest.isEqual(expected, given)
        || !entity(call).id().equals(claims.path("entityId").asText())) {
      throw invalid;
    }
    if (circle.engine.now().getEpochSecond() >= claims.path("exp").asLong()) {
      throw Errors.circle(
          403,
          155104,
          "The userToken has expired: request a new one with POST /v1/w3s/users/token.");
    }
    User u = users.get(entity(call).id() + "/" + claims.path("sub").asText());
    if (u == null) {
      throw invalid;
    }
    return u;
  }

  private Reply getUser(Call call) {
    synchronized (circle.engine) {
      User u = users.get(entity(call).id() + "/" + call.pathParam("id"));
      if (u == null) {
        throw Errors.circle(404, 155102, "Cannot find the user with the given userId.");
      }
      return envelope(200, Json.object().set("user", userJson(u)));
    }
  }

  private Reply getUserByToken(Call call) {
    synchronized (circle.engine) {
      return envelope(200, userJson(user(call)));
    }
  }

  void register(CircleApi api) {
    api.on("createUser", this::createUser);
    api.on("getUserToken", this::getUserToken);
    api.on("getUser", this::getUser);
    api.on("getUserByToken", this::getUserByToken);
  }

  void admin(AdminApi admin) {
    admin.route(
        "POST",
        "circle/w3s/users",
        "{userId?, apiKey?, pinStatus?}",
        true,
        (p, b) -> adminCreateUser(b));
  }

  void reset() {
    users.clear();
    Instant created = Instant.parse("2023-07-26T15:27:32Z");
    users.put(
        "entity-1/" + CIRCLE_USER_ID, new User("entity-1", CIRCLE_USER_ID, created, "ENABLED"));
  }
}
