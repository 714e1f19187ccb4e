package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.Circle.entity;
import static dev.transferkit.sandbox.Circle.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.transferkit.sandbox.Circle.Entity;
import dev.transferkit.sandbox.Circle.Idem;
import dev.transferkit.sandbox.CircleUsers.User;
import dev.transferkit.sandbox.CircleWallets.Wallet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

/**
 * Circle user-controlled wallets' challenges: what the end user authorizes in the client-side SDK
 * (PIN set-up with the first wallets, transfers). PENDING until the admin API stands in for the
 * user, then COMPLETE or FAILED; a PENDING challenge becomes EXPIRED on the sandbox clock. Guarded
 * by the engine monitor.
 */
final class CircleChallenges {
  /**
   * How long a challenge stays PENDING. Circle documents that challenges expire (code 155121) but
   * not after how long: the sandbox's choice.
   */
  static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(15);

  static final class Challenge {
    final String id = UUID.randomUUID().toString();
    final String entity;
    final String userId;
    final String type;
    final JsonNode request;
    final Instant created;

    /** The wallet a transfer challenge sends from (resolved when it was created). */
    String walletId;

    String status = "PENDING";
    final List<String> correlationIds = new ArrayList<>();
    int errorCode;
    String errorMessage = "";

    Challenge(String entity, String userId, String type, JsonNode request, Instant created) {
      this.entity = entity;
      this.userId = userId;
      this.type = type;
      this.request = request;
      this.created = created;
    }

    void fail(int code, String message) {
      status = "FAILED";
      errorCode = code;
      errorMessage = message;
    }
  }

  /** What completing a challenge of one type does (the user's PIN entry approved it). */
  interface Completion {
    void complete(Challenge c, Instant now);
  }

  private final Circle circle;
  private final CircleWallets w3s;
  private final CircleNotifications notifications;
  private final Map<String, Challenge> challenges = new LinkedHashMap<>();

  /**
   * Idempotency keys of every challenge-creating request, per entity: one key space, as Circle's.
   */
  private final Map<String, Idem> idempotency = new HashMap<>();

  private final Map<String, Completion> completions = new HashMap<>();

  CircleChallenges(Circle circle, CircleWallets w3s, CircleNotifications notifications) {
    this.circle = circle;
    this.w3s = w3s;
    this.notifications = notifications;
    completions.put("INITIALIZE", this::initialize);
  }

  /** Registers what completing a challenge of {@code type} does. */
  void onComplete(String type, Completion completion) {
    completions.put(type, completion);
  }

  /**
   * The reply to a repeated idempotency key: the original challenge (200) for the same request,
   * 156020 for another one; null when the key is new. {@code comparable} is the request without the
   * members that do not count.
   */
  Reply replay(Entity e, String key, JsonNode comparable) {
    Idem previous = idempotency.get(e.id() + "/" + key);
    if (previous == null) {
      return null;
    }
    if (previous.sameRequest(comparable)) {
      return envelope(200, Json.object().put("challengeId", previous.resultId()));
    }
    throw Errors.circle(403, 156020, "Please use a new idempotency key.");
  }

  /**
   * A new PENDING challenge, remembered under its idempotency key, expiring after {@link
   * #CHALLENGE_LIFETIME}.
   */
  Challenge create(
      Entity e, User u, String type, String key, JsonNode comparable, JsonNode request) {
    Instant now = circle.engine.now();
    Challenge c = new Challenge(e.id(), u.id, type, request, now);
    challenges.put(c.id, c);
    idempotency.put(e.id() + "/" + key, new Idem(comparable, c.id));
    circle.engine.scheduler.at(
        now.plus(CHALLENGE_LIFETIME),
        due -> {
          if (c.status.equals("PENDING")) {
            c.status = "EXPIRED";
            c.errorCode = 155121;
            c.errorMessage = "The provided challengeId has expired.";
          }
        });
    return c;
  }

  ObjectNode json(Challenge c) {
    ObjectNode o = Json.object();
    o.put("id", c.id);
    o.put("userId", c.userId);
    o.put("type", c.type);
    o.put("status", c.status);
    ArrayNode ids = o.putArray("correlationIds");
    c.correlationIds.forEach(ids::add);
    o.put("errorCode", c.errorCode);
    o.put("errorMessage", c.errorMessage);
    return o;
  }

  // ------------------------------------------------------------------------------------------
  // operations

  private Reply listUserChallenges(Call call) {
    synchronized (circle.engine) {
      User u = w3s.users.user(call);
      String status = call.query("status");
      List<Challenge> mine = new ArrayList<>();
      for (Challenge c : challenges.values()) {
        if (c.entity.equals(u.entity)
            && c.userId.equals(u.id)
            && (status == null || status.equals(c.status))) {
          mine.add(0, c);
        }
      }
      ObjectNode data = Json.object();
      ArrayNode list = data.putArray("challenges");
      mine.forEach(c -> list.add(json(c)));
      return envelope(200, data);
    }
  }

  private Reply getUserChallenge(Call call) {
    synchronized (circle.engine) {
      User u = w3s.users.user(call);
      Challenge c = challenges.get(call.pathParam("id"));
      if (c == null || !c.entity.equals(u.entity) || !c.userId.equals(u.id)) {
        throw Errors.circle(404, 155116, "The challenge ID doesn't exist in the system.");
      }
      return envelope(200, Json.object().set("challenge", json(c)));
    }
  }

  private Reply createUserWithPinChallenge(Call call) {
    JsonNode r = call.json();
    Entity e = entity(call);
    synchronized (circle.engine) {
      User u = w3s.users.user(call);
      String key = r.path("idempotencyKey").asText();
      Reply replay = replay(e, key, r);
      if (replay != null) {
        return replay;
      }
      if (!u.pinStatus.equals("UNSET")) {
        throw Errors.circle(409, 155106, "The user had already been initialized.");
      }
      Challenge c = create(e, u, "INITIALIZE", key, r, r.deepCopy());
      return envelope(201, Json.object().put("challengeId", c.id));
    }
  }

  /** INITIALIZE: the PIN is set and one wallet is created per requested blockchain. */
  private void initialize(Challenge c, Instant now) {
    User u = w3s.users.get(c.entity, c.userId);
    if (!u.pinStatus.equals("UNSET")) {
      c.fail(155106, "The user had already been initialized.");
      return;
    }
    u.pinStatus = "ENABLED";
    String accountType = c.request.path("accountType").asText("EOA");
    JsonNode blockchains = c.request.path("blockchains");
    for (int i = 0; i < blockchains.size(); i++) {
      JsonNode metadata = c.request.path("metadata").path(i);
      Wallet w =
          w3s.createWallet(
              c.entity,
              u.id,
              blockchains.get(i).asText(),
              accountType,
              Json.str(metadata, "name"),
              Json.str(metadata, "refId"));
      c.correlationIds.add(w.id);
    }
    c.status = "COMPLETE";
  }

  // ------------------------------------------------------------------------------------------
  // admin

  /**
   * Completes (or fails, with {outcome: "FAILED"}) a PENDING challenge, standing in for the user's
   * PIN entry.
   */
  ObjectNode adminComplete(String challengeId, JsonNode body) {
    Challenge c = challenges.get(challengeId);
    if (c == null) {
      throw new NoSuchElementException("challenge " + challengeId + " does not exist");
    }
    if (!c.status.equals("PENDING")) {
      throw new IllegalStateException(
          "challenge " + challengeId + " is " + c.status + ", not PENDING");
    }
    Instant now = circle.engine.now();
    if ("FAILED".equals(Json.str(body, "outcome"))) {
      c.fail(155113, "The user did not authorize the challenge (sandbox).");
    } else {
      completions.get(c.type).complete(c, now);
    }
    notifications.notify(c.entity, notificationType(c.type), json(c), now, c.status);
    return json(c);
  }

  /**
   * Circle's notification type of a challenge type: CREATE_TRANSACTION ->
   * challenges.createTransaction.
   */
  static String notificationType(String challengeType) {
    StringBuilder b = new StringBuilder("challenges.");
    String[] words = challengeType.toLowerCase(java.util.Locale.ROOT).split("_");
    b.append(words[0]);
    for (int i = 1; i < words.length; i++) {
      b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return b.toString();
  }

  void register(CircleApi api) {
    api.on("listUserChallenges", this::listUserChallenges);
    api.on("getUserChallenge", this::getUserChallenge);
    api.on("createUserWithPinChallenge", this::createUserWithPinChallenge);
  }

  void admin(AdminApi admin) {
    admin.route(
        "POST",
        "circle/w3s/challenges/{id}/complete",
        "stand-in for the user's PIN entry; {outcome: FAILED}" + " refuses instead",
        true,
        (p, b) -> adminComplete(p.get("id"), b));
  }

  void reset() {
    challenges.clear();
    idempotency.clear();
  }

  void ledger(ObjectNode out) {
    ArrayNode c = out.putArray("challenges");
    challenges.values().forEach(ch -> c.add(json(ch)));
  }
}
