package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.Circle.entity;
import static dev.transferkit.sandbox.Circle.envelope;
import static dev.transferkit.sandbox.Circle.invalidField;
import static dev.transferkit.sandbox.Circle.randomHex;
import static dev.transferkit.sandbox.CircleWallets.validAddress;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_DENIED_ADDRESS;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_FAILING_ADDRESS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.transferkit.sandbox.Circle.Entity;
import dev.transferkit.sandbox.CircleChallenges.Challenge;
import dev.transferkit.sandbox.CircleUsers.User;
import dev.transferkit.sandbox.CircleWallets.Token;
import dev.transferkit.sandbox.CircleWallets.Wallet;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Circle user-controlled wallets' transfers: challenges (the PIN step), transactions walking their
 * states on the sandbox clock, and the signed webhooks about them. Guarded by the engine monitor.
 */
final class CircleTransactions {
  private final Circle circle;
  private final CircleWallets w3s;
  private final CircleChallenges challenges;
  private final CircleNotifications notifications;

  /** Time between two W3S transaction states (INITIATED, QUEUED, SENT, CONFIRMED, COMPLETE). */
  static final Duration W3S_STEP = Duration.ofSeconds(10);

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

    Tx(
        String entity,
        Wallet wallet,
        Token token,
        BigDecimal amount,
        String destination,
        String feeLevel,
        String refId,
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

  private final List<Tx> transactions = new ArrayList<>();

  private final Map<String, String> failingAddresses =
      new HashMap<>(); // lower-case address -> FAILED | DENIED

  private long blockHeight = 3949873;

  ObjectNode adminFailingAddress(JsonNode body) {
    String address = Objects.requireNonNull(Json.str(body, "address"), "address");
    String outcome = Objects.requireNonNullElse(Json.str(body, "outcome"), "FAILED");
    if (!outcome.equals("FAILED") && !outcome.equals("DENIED")) {
      throw new IllegalArgumentException("outcome is FAILED or DENIED");
    }
    failingAddresses.put(address.toLowerCase(Locale.ROOT), outcome);
    ObjectNode out = Json.object();
    out.put("address", address);
    out.put("outcome", outcome);
    return out;
  }

  /**
   * CREATE_TRANSACTION: the transfer starts (INITIATED), or the challenge fails when the funds are
   * gone.
   */
  private void completeTransfer(Challenge c, Instant now) {
    JsonNode r = c.request;
    Wallet w = w3s.wallets.get(c.walletId);
    Token t = w3s.resolveToken(r);
    BigDecimal amount = Json.decimal(r.path("amounts").get(0).asText());
    String holder = "w3s:" + w.id;
    if (!circle.book.covers(holder, t.id(), amount)) {
      c.fail(155201, "Not enough funds to fulfill the withdraw request.");
      return;
    }
    circle.book.move(holder, Book.IN_FLIGHT, t.id(), amount);
    w.updated = now;
    Tx tx =
        new Tx(
            c.entity,
            w,
            t,
            amount,
            r.path("destinationAddress").asText(),
            Json.str(r, "feeLevel"),
            Json.str(r, "refId"),
            now);
    transactions.add(tx);
    c.status = "COMPLETE";
    c.correlationIds.add(tx.id);
    notifyTransaction(tx);
    scheduleStep(tx, now.plus(W3S_STEP));
  }

  private Reply createTransferChallenge(Call call) {
    JsonNode r = call.json();
    Entity e = entity(call);
    synchronized (circle.engine) {
      User u = w3s.users.user(call);
      String key = r.path("idempotencyKey").asText();
      ObjectNode comparable = ((ObjectNode) r.deepCopy());
      comparable.remove("userId");
      Reply replay = challenges.replay(e, key, comparable);
      if (replay != null) {
        return replay;
      }
      Wallet w = sourceWallet(u, r, "walletId", "walletAddress");
      boolean feeLevel = r.hasNonNull("feeLevel");
      boolean explicitFees =
          r.hasNonNull("gasPrice") || r.hasNonNull("priorityFee") || r.hasNonNull("maxFee");
      if (feeLevel && explicitFees) {
        throw Errors.circle(
            400, 155234, "feeLevel cannot be combined with gasPrice, priorityFee or maxFee.");
      }
      if (!feeLevel && !r.hasNonNull("gasLimit")) {
        throw Errors.circle(
            400, 155231, "Give feeLevel, or gasLimit with explicit fee parameters.");
      }
      Token t = w3s.resolveToken(r);
      BigDecimal amount = checkTransfer(w, t, r);
      if (!circle.book.covers("w3s:" + w.id, t.id(), amount)) {
        throw Errors.circle(400, 155201, "Not enough funds to fulfill the withdraw request.");
      }
      Challenge c = challenges.create(e, u, "CREATE_TRANSACTION", key, comparable, r.deepCopy());
      c.walletId = w.id;
      return envelope(201, Json.object().put("challengeId", c.id));
    }
  }

  /**
   * The amount of a transfer (or fee estimate) from {@code w} in {@code t}, after the checks Circle
   * documents.
   */
  private static BigDecimal checkTransfer(Wallet w, Token t, JsonNode r) {
    if (!t.blockchain().equals(w.blockchain)) {
      throw Errors.circle(
          400,
          155220,
          "The token is on " + t.blockchain() + " but the wallet is on " + w.blockchain + ".");
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
      throw Errors.circle(
          400, 155219, "Invalid destination address " + destination + " for " + w.blockchain + ".");
    }
    return amount;
  }

  /**
   * Fee estimates at the three levels: EIP-1559 figures (sandbox values), maxFee = 2 x baseFee +
   * priorityFee.
   */
  private Reply estimateFee(Call call) {
    JsonNode r = call.json();
    synchronized (circle.engine) {
      User u = w3s.users.user(call);
      Wallet w = sourceWallet(u, r, "walletId", "sourceAddress");
      checkTransfer(w, w3s.resolveToken(r), r);
      BigDecimal gasLimit = new BigDecimal("21000");
      BigDecimal baseFee = new BigDecimal("1.022783914");
      ObjectNode data = Json.object();
      Map<String, String> tips = Map.of("low", "1", "medium", "1.022783914", "high", "2");
      for (String level : List.of("low", "medium", "high")) {
        BigDecimal priorityFee = new BigDecimal(tips.get(level));
        BigDecimal maxFee = baseFee.multiply(BigDecimal.valueOf(2)).add(priorityFee);
        ObjectNode fee = data.putObject(level);
        fee.put("gasLimit", Json.plain(gasLimit));
        fee.put("baseFee", Json.plain(baseFee));
        fee.put("priorityFee", Json.plain(priorityFee));
        fee.put("maxFee", Json.plain(maxFee));
        fee.put("networkFee", Json.plain(gasLimit.multiply(maxFee).movePointLeft(9)));
      }
      return envelope(200, data);
    }
  }

  private Reply validateAddress(Call call) {
    JsonNode r = call.json();
    boolean valid = validAddress(r.path("blockchain").asText(), r.path("address").asText());
    return envelope(200, Json.object().put("isValid", valid));
  }

  /**
   * The user's wallet a request names: by {@code idField}, or by {@code addressField} with {@code
   * blockchain}.
   */
  private Wallet sourceWallet(User u, JsonNode r, String idField, String addressField) {
    if (r.hasNonNull(idField)) {
      return w3s.userWallet(u, r.get(idField).asText());
    }
    if (!r.hasNonNull(addressField) || !r.hasNonNull("blockchain")) {
      throw invalidField(
          "API parameter invalid",
          idField,
          "give " + idField + ", or " + addressField + " with blockchain",
          null);
    }
    for (Wallet w : w3s.walletsOf(u)) {
      if (w.address.equalsIgnoreCase(r.get(addressField).asText())
          && w.blockchain.equals(r.get("blockchain").asText())) {
        return w;
      }
    }
    throw Errors.circle(404, 156001, "Cannot find the wallet.");
  }

  private void scheduleStep(Tx tx, Instant at) {
    circle.engine.scheduler.at(at, due -> step(tx, due));
  }

  /**
   * INITIATED -> QUEUED -> SENT -> CONFIRMED -> COMPLETE, or DENIED after QUEUED / FAILED after
   * SENT.
   */
  private void step(Tx tx, Instant due) {
    String outcome = failingAddresses.get(tx.destination.toLowerCase(Locale.ROOT));
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
          if (w.address.equalsIgnoreCase(tx.destination)
              && w.blockchain.equals(tx.wallet.blockchain)) {
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
      User u = w3s.users.user(call);
      List<String> walletIds =
          call.query("walletIds") == null ? null : List.of(call.query("walletIds").split(","));
      Circle.Period period = Circle.period(call);
      List<Tx> list = new ArrayList<>();
      for (Tx tx : transactionsOf(u)) {
        if ((walletIds == null || walletIds.contains(tx.wallet.id))
            && period.contains(tx.created)
            && (call.query("state") == null || call.query("state").equals(tx.state))
            && (call.query("blockchain") == null
                || call.query("blockchain").equals(tx.wallet.blockchain))
            && (call.query("destinationAddress") == null
                || call.query("destinationAddress").equalsIgnoreCase(tx.destination))
            && (call.query("txHash") == null || call.query("txHash").equals(tx.txHash))
            && (call.query("txType") == null || call.query("txType").equals("OUTBOUND"))
            && (call.query("operation") == null || call.query("operation").equals("TRANSFER"))
            && (call.query("userId") == null || call.query("userId").equals(tx.wallet.userId))) {
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
      User u = w3s.users.user(call);
      for (Tx tx : transactionsOf(u)) {
        if (tx.id.equals(call.pathParam("id"))) {
          return envelope(
              200, Json.object().set("transaction", txJson(tx, call.query("txType") != null)));
        }
      }
      throw Errors.circle(404, 156003, "Cannot find the transaction.");
    }
  }

  // ------------------------------------------------------------------------------------------
  // notifications

  private void notifyTransaction(Tx tx) {
    notifications.notify(
        tx.entity, "transactions.outbound", txJson(tx, false), tx.updated, tx.state);
  }

  CircleTransactions(
      Circle circle,
      CircleWallets wallets,
      CircleChallenges challenges,
      CircleNotifications notifications) {
    this.circle = circle;
    this.w3s = wallets;
    this.challenges = challenges;
    this.notifications = notifications;
    challenges.onComplete("CREATE_TRANSACTION", this::completeTransfer);
  }

  void register(CircleApi api) {
    api.on("createUserTransactionTransferChallenge", this::createTransferChallenge);
    api.on("listTransactions", this::listTransactions);
    api.on("getTransaction", this::getTransaction);
    api.on("createTransferEstimateFee", this::estimateFee);
    api.on("createValidateAddress", this::validateAddress);
  }

  void admin(AdminApi admin) {
    admin.route(
        "POST",
        "circle/w3s/failing-addresses",
        "{address, outcome: FAILED|DENIED}",
        true,
        (p, b) -> adminFailingAddress(b));
  }

  void reset() {
    transactions.clear();
    failingAddresses.clear();
    failingAddresses.put(CIRCLE_FAILING_ADDRESS.toLowerCase(Locale.ROOT), "FAILED");
    failingAddresses.put(CIRCLE_DENIED_ADDRESS.toLowerCase(Locale.ROOT), "DENIED");
  }

  void ledger(ObjectNode out) {
    ArrayNode x = out.putArray("w3sTransactions");
    transactions.forEach(tx -> x.add(txJson(tx, false)));
  }
}
