package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.Circle.*;
import static dev.transferkit.sandbox.CircleWallets.*;
import static dev.transferkit.sandbox.SandboxSeed.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Circle user-controlled wallets' transfers: challenges (the PIN step), transactions walking their states on the
 * sandbox clock, and the signed webhooks about them. Guarded by the engine monitor.
 */
final class CircleTransactions {
  private final Circle circle;
  private final CircleWallets w3s;

  /** Time between two W3S transaction states (INITIATED, QUEUED, SENT, CONFIRMED, COMPLETE). */
  static final Duration W3S_STEP = Duration.ofSeconds(10);

  static final class Challenge {
    final String id = UUID.randomUUID().toString();
    final String entity;
    final String userId;
    final JsonNode request;
    String status = "PENDING";
    String transactionId;
    int errorCode;
    String errorMessage = "";

    Challenge(String entity, String userId, JsonNode request) {
      this.entity = entity;
      this.userId = userId;
      this.request = request;
    }
  }

  static final class Tx {
    final String id = UUID.randomUUID().toString();
    final String entity;
    final Wallet wallet;
    final Token token;
    final BigDecimal amount;
    final String destination;
    final String feeLevel;
    final String refId;
    final Instant created;
    String state = "INITIATED";
    Instant updated;
    String txHash;
    String blockHash;
    Long blockHeight;
    Instant firstConfirm;
    String networkFee;
    String errorReason;
    String errorDetails;

    Tx(String entity, Wallet wallet, Token token, BigDecimal amount, String destination, String feeLevel, String refId,
        Instant at) {
      this.entity = entity;
      this.wallet = wallet;
      this.token = token;
      this.amount = amount;
      this.destination = destination;
      this.feeLevel = feeLevel;
      this.refId = refId;
      this.created = at;
      this.updated = at;
    }
  }

  record Subscription(String id, String endpoint, String entity) {}

  private final Map<String, Challenge> challenges = new HashMap<>();

  private final Map<String, Idem> challengeIdempotency = new HashMap<>();

  private final List<Tx> transactions = new ArrayList<>();

  private final Map<String, String> failingAddresses = new HashMap<>(); // lower-case address -> FAILED | DENIED
  private final List<Subscription> subscriptions = new ArrayList<>();

  private long blockHeight = 3949873;

  ObjectNode adminFailingAddress(JsonNode body) {
    String address = Objects.requireNonNull(Json.str(body, "address"), "address");
    String outcome = Objects.requireNonNullElse(Json.str(body, "outcome"), "FAILED");
    if (!outcome.equals("FAILED") && !outcome.equals("DENIED")) {
      throw new IllegalArgumentException("outcome is FAILED or DENIED");
    }
    failingAddresses.put(address.toLowerCase(), outcome);
    ObjectNode out = Json.object();
    out.put("address", address);
    out.put("outcome", outcome);
    return out;
  }

  ObjectNode adminSubscribe(JsonNode body) {
    String endpoint = Objects.requireNonNull(Json.str(body, "endpoint"), "endpoint");
    String entity = body.hasNonNull("apiKey") ? circle.adminEntity(body).id() : null;
    Subscription s = new Subscription(UUID.randomUUID().toString(), endpoint, entity);
    subscriptions.add(s);
    ObjectNode out = Json.object();
    out.put("id", s.id());
    out.put("endpoint", endpoint);
    out.put("apiKey", body.hasNonNull("apiKey") ? body.get("apiKey").asText() : null);
    return out;
  }

  /** Completes (or fails, with {outcome: "FAILED"}) a PENDING challenge, standing in for the w3s.user's PIN entry. */
  ObjectNode adminCompleteChallenge(String challengeId, JsonNode body) {
    Challenge c = challenges.get(challengeId);
    if (c == null) {
      throw new NoSuchElementException("challenge " + challengeId + " does not exist");
    }
    if (!c.status.equals("PENDING")) {
      throw new IllegalStateException("challenge " + challengeId + " is " + c.status + ", not PENDING");
    }
    Instant now = circle.engine.now();
    if ("FAILED".equals(Json.str(body, "outcome"))) {
      c.status = "FAILED";
      c.errorCode = 155113;
      c.errorMessage = "The w3s.user did not authorize the challenge (sandbox).";
      return challengeJson(c);
    }
    JsonNode r = c.request;
    Wallet w = w3s.wallets.get(r.path("walletId").asText());
    Token t = w3s.resolveToken(r);
    BigDecimal amount = Json.decimal(r.path("amounts").get(0).asText());
    String holder = "w3s:" + w.id;
    if (!circle.book.covers(holder, t.id(), amount)) {
      c.status = "FAILED";
      c.errorCode = 155201;
      c.errorMessage = "Not enough funds to fulfill the withdraw request.";
      return challengeJson(c);
    }
    circle.book.move(holder, Book.IN_FLIGHT, t.id(), amount);
    w.updated = now;
    Tx tx = new Tx(c.entity, w, t, amount, r.path("destinationAddress").asText(), Json.str(r, "feeLevel"),
        Json.str(r, "refId"), now);
    transactions.add(tx);
    c.status = "COMPLETE";
    c.transactionId = tx.id;
    notifyTransaction(tx);
    scheduleStep(tx, now.plus(W3S_STEP));
    return challengeJson(c);
  }

  private ObjectNode challengeJson(Challenge c) {
    ObjectNode o = Json.object();
    o.put("id", c.id);
    o.put("userId", c.userId);
    o.put("type", "CREATE_TRANSACTION");
    o.put("status", c.status);
    ArrayNode ids = o.putArray("correlationIds");
    if (c.transactionId != null) {
      ids.add(c.transactionId);
    }
    o.put("errorCode", c.errorCode);
    o.put("errorMessage", c.errorMessage);
    return o;
  }

  private Reply createTransferChallenge(Call call) {
    JsonNode r = call.json();
    Entity e = entity(call);
    synchronized (circle.engine) {
      User u = w3s.user(call);
      String key = e.id() + "/" + r.path("idempotencyKey").asText();
      ObjectNode comparable = ((ObjectNode) r.deepCopy());
      comparable.remove("userId");
      Idem previous = challengeIdempotency.get(key);
      if (previous != null) {
        if (previous.sameRequest(comparable)) {
          return envelope(200, Json.object().put("challengeId", previous.resultId()));
        }
        throw Errors.circle(403, 156020, "Please use a new circle.idempotency key.");
      }
      Wallet w = w3s.userWallet(u, r.path("walletId").asText());
      boolean feeLevel = r.hasNonNull("feeLevel");
      boolean explicitFees = r.hasNonNull("gasPrice") || r.hasNonNull("priorityFee") || r.hasNonNull("maxFee");
      if (feeLevel && explicitFees) {
        throw Errors.circle(400, 155234, "feeLevel cannot be combined with gasPrice, priorityFee or maxFee.");
      }
      if (!feeLevel && !r.hasNonNull("gasLimit")) {
        throw Errors.circle(400, 155231, "Give feeLevel, or gasLimit with explicit fee parameters.");
      }
      Token t = w3s.resolveToken(r);
      if (!t.blockchain().equals(w.blockchain)) {
        throw Errors.circle(400, 155220, "The token is on " + t.blockchain() + " but the wallet is on " + w.blockchain
            + ".");
      }
      JsonNode amounts = r.path("amounts");
      if (!amounts.isArray() || amounts.size() != 1) {
        throw Errors.circle(400, 155221, "Give exactly one amount for a fungible token transfer.");
      }
      BigDecimal amount;
      try {
        amount = Json.decimal(amounts.get(0).asText());
      } catch (NumberFormatException ex) {
        throw Errors.circle(400, 155224, "Cannot parse amount " + amounts.get(0).asText() + ".");
      }
      if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > t.decimals()) {
        throw Errors.circle(400, 155221, "Invalid amount " + amounts.get(0).asText() + ".");
      }
      String destination = r.path("destinationAddress").asText();
      if (!validAddress(w.blockchain, destination)) {
        throw Errors.circle(400, 155219, "Invalid destination address " + destination + " for " + w.blockchain + ".");
      }
      if (!circle.book.covers("w3s:" + w.id, t.id(), amount)) {
        throw Errors.circle(400, 155201, "Not enough funds to fulfill the withdraw request.");
      }
      Challenge c = new Challenge(e.id(), u.id, r.deepCopy());
      challenges.put(c.id, c);
      challengeIdempotency.put(key, new Idem(comparable, c.id));
      return envelope(201, Json.object().put("challengeId", c.id));
    }
  }

  private void scheduleStep(Tx tx, Instant at) {
    circle.engine.scheduler.at(at, due -> step(tx, due));
  }

  /** INITIATED -> QUEUED -> SENT -> CONFIRMED -> COMPLETE, or DENIED after QUEUED / FAILED after SENT. */
  private void step(Tx tx, Instant due) {
    String outcome = failingAddresses.get(tx.destination.toLowerCase());
    String holder = "w3s:" + tx.wallet.id;
    switch (tx.state) {
      case "INITIATED" -> tx.state = "QUEUED";
      case "QUEUED" -> {
        if ("DENIED".equals(outcome)) {
          tx.state = "DENIED";
          circle.book.move(Book.IN_FLIGHT, holder, tx.token.id(), tx.amount);
          tx.wallet.updated = due;
        } else {
          tx.state = "SENT";
          tx.txHash = "0x" + randomHex(64);
        }
      }
      case "SENT" -> {
        if ("FAILED".equals(outcome)) {
          tx.state = "FAILED";
          tx.errorReason = "FAILED_ON_CHAIN";
          tx.errorDetails = "The transaction was reverted on chain (sandbox failure address).";
          circle.book.move(Book.IN_FLIGHT, holder, tx.token.id(), tx.amount);
          tx.wallet.updated = due;
        } else {
          tx.state = "CONFIRMED";
          tx.blockHash = "0x" + randomHex(64);
          tx.blockHeight = ++blockHeight;
          tx.firstConfirm = due;
        }
      }
      case "CONFIRMED" -> {
        tx.state = "COMPLETE";
        tx.networkFee = "0.000041731500334852";
        Wallet receiver = null;
        for (Wallet w : w3s.wallets.values()) {
          if (w.address.equalsIgnoreCase(tx.destination) && w.blockchain.equals(tx.wallet.blockchain)) {
            receiver = w;
          }
        }
        if (receiver != null) {
          circle.book.move(Book.IN_FLIGHT, "w3s:" + receiver.id, tx.token.id(), tx.amount);
          receiver.updated = due;
        } else {
          circle.book.move(Book.IN_FLIGHT, Book.EXTERNAL, tx.token.id(), tx.amount);
        }
      }
      default -> {
        return;
      }
    }
    tx.updated = due;
    notifyTransaction(tx);
    if (Set.of("QUEUED", "SENT", "CONFIRMED").contains(tx.state)) {
      scheduleStep(tx, due.plus(W3S_STEP));
    }
  }

  private ObjectNode txJson(Tx tx, boolean withFees) {
    ObjectNode o = Json.object();
    o.put("id", tx.id);
    o.put("blockchain", tx.wallet.blockchain);
    o.put("tokenId", tx.token.id());
    o.put("walletId", tx.wallet.id);
    o.put("sourceAddress", tx.wallet.address);
    o.put("destinationAddress", tx.destination);
    o.put("transactionType", "OUTBOUND");
    o.put("custodyType", "ENDUSER");
    o.put("state", tx.state);
    o.putArray("amounts").add(Json.plain(tx.amount));
    o.putNull("nfts");
    if (tx.txHash != null) {
      o.put("txHash", tx.txHash);
    }
    if (tx.blockHash != null) {
      o.put("blockHash", tx.blockHash);
      o.put("blockHeight", tx.blockHeight);
      o.put("firstConfirmDate", Json.iso(tx.firstConfirm));
    }
    if (tx.networkFee != null) {
      o.put("networkFee", tx.networkFee);
    }
    if (tx.errorReason != null) {
      o.put("errorReason", tx.errorReason);
      o.put("errorDetails", tx.errorDetails);
    }
    o.put("operation", "TRANSFER");
    o.put("userId", tx.wallet.userId);
    if (tx.refId != null) {
      o.put("refId", tx.refId);
    }
    o.putNull("abiParameters");
    if (withFees) {
      if (tx.feeLevel != null) {
        o.put("feeLevel", tx.feeLevel);
      }
      ObjectNode fee = o.putObject("estimatedFee");
      fee.put("gasLimit", "21000");
      fee.put("baseFee", "1.022783914");
      fee.put("priorityFee", "1.022783914");
      fee.put("maxFee", "5.935224468");
      fee.put("networkFee", "0.000124639713828");
    }
    o.put("createDate", Json.iso(tx.created));
    o.put("updateDate", Json.iso(tx.updated));
    return o;
  }

  private List<Tx> transactionsOf(User u) {
    List<Tx> list = new ArrayList<>();
    for (int i = transactions.size() - 1; i >= 0; i--) {
      Tx tx = transactions.get(i);
      if (tx.entity.equals(u.entity) && tx.wallet.userId.equals(u.id)) {
        list.add(tx);
      }
    }
    return list;
  }

  private Reply listTransactions(Call call) {
    synchronized (circle.engine) {
      User u = w3s.user(call);
      List<String> walletIds = call.query("walletIds") == null ? null : List.of(call.query("walletIds").split(","));
      List<Tx> list = new ArrayList<>();
      for (Tx tx : transactionsOf(u)) {
        if ((walletIds == null || walletIds.contains(tx.wallet.id))
            && (call.query("state") == null || call.query("state").equals(tx.state))
            && (call.query("blockchain") == null || call.query("blockchain").equals(tx.wallet.blockchain))
            && (call.query("destinationAddress") == null
                || call.query("destinationAddress").equalsIgnoreCase(tx.destination))
            && (call.query("txHash") == null || call.query("txHash").equals(tx.txHash))
            && (call.query("txType") == null || call.query("txType").equals("OUTBOUND"))) {
          list.add(tx);
        }
      }
      if ("ASC".equals(call.query("order"))) {
        java.util.Collections.reverse(list);
      }
      Pages.Page<Tx> page = w3s.w3sPage(call, list, tx -> tx.id);
      ObjectNode data = Json.object();
      ArrayNode arr = data.putArray("transactions");
      boolean withFees = call.query("txType") != null;
      page.items().forEach(tx -> arr.add(txJson(tx, withFees)));
      return w3s.link(envelope(200, data), call, page, tx -> tx.id);
    }
  }

  private Reply getTransaction(Call call) {
    synchronized (circle.engine) {
      User u = w3s.user(call);
      for (Tx tx : transactionsOf(u)) {
        if (tx.id.equals(call.pathParam("id"))) {
          return envelope(200, Json.object().set("transaction", txJson(tx, call.query("txType") != null)));
        }
      }
      throw Errors.circle(404, 156003, "Cannot find the transaction.");
    }
  }

  // ------------------------------------------------------------------------------------------ notifications

  private void notifyTransaction(Tx tx) {
    for (Subscription s : subscriptions) {
      if (s.entity() != null && !s.entity().equals(tx.entity)) {
        continue;
      }
      ObjectNode n = Json.object();
      n.put("subscriptionId", s.id());
      n.put("notificationId", UUID.randomUUID().toString());
      n.put("notificationType", "transactions.outbound");
      n.set("notification", txJson(tx, false));
      n.put("timestamp", java.time.format.DateTimeFormatter.ISO_INSTANT.format(tx.updated));
      n.put("version", 2);
      byte[] body = Json.bytes(n);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("X-Circle-Signature", sign(body));
      headers.put("X-Circle-Key-Id", circle.engine.notificationKeyId);
      circle.engine.webhooks.enqueue("circle", "transactions.outbound " + tx.state, s.endpoint(), body, headers);
    }
  }

  private String sign(byte[] body) {
    try {
      Signature s = Signature.getInstance("SHA256withECDSA");
      s.initSign(circle.engine.notificationKeys.getPrivate());
      s.update(body);
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
  }

  private Reply getNotificationPublicKey(Call call) {
    if (!circle.engine.notificationKeyId.equals(call.pathParam("id"))) {
      throw Errors.circle(404, 404, "Not found.");
    }
    ObjectNode data = Json.object();
    data.put("id", circle.engine.notificationKeyId);
    data.put("algorithm", "ECDSA_SHA_256");
    data.put("publicKey", Base64.getEncoder().encodeToString(circle.engine.notificationKeys.getPublic().getEncoded()));
    data.put("createDate", Json.iso(circle.engine.notificationKeyCreated));
    return envelope(200, data);
  }

  CircleTransactions(Circle circle, CircleWallets wallets) {
    this.circle = circle;
    this.w3s = wallets;
  }

  void register(CircleApi api) {
    api.on("createUserTransactionTransferChallenge", this::createTransferChallenge);
    api.on("listTransactions", this::listTransactions);
    api.on("getTransaction", this::getTransaction);
    api.on("getNotificationSignature", this::getNotificationPublicKey);
  }

  void admin(AdminApi admin) {
    admin.route("POST", "circle/w3s/challenges/{id}/complete", "stand-in for the PIN entry; {outcome: FAILED}"
        + " refuses instead", true, (p, b) -> adminCompleteChallenge(p.get("id"), b));
    admin.route("POST", "circle/w3s/failing-addresses", "{address, outcome: FAILED|DENIED}", true,
        (p, b) -> adminFailingAddress(b));
    admin.route("POST", "circle/subscriptions", "{endpoint, apiKey?}: webhook subscription", true,
        (p, b) -> adminSubscribe(b));
  }

  void reset() {
    challenges.clear();
    challengeIdempotency.clear();
    transactions.clear();
    failingAddresses.clear();
    subscriptions.clear();
    failingAddresses.put(CIRCLE_FAILING_ADDRESS.toLowerCase(), "FAILED");
    failingAddresses.put(CIRCLE_DENIED_ADDRESS.toLowerCase(), "DENIED");
  }

  void ledger(ObjectNode out) {
    ArrayNode x = out.putArray("w3sTransactions");
    transactions.forEach(tx -> x.add(txJson(tx, false)));
    ArrayNode c = out.putArray("challenges");
    challenges.values().forEach(ch -> c.add(challengeJson(ch)));
  }
}
