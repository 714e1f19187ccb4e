package dev.transferkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.transferkit.specs.Provider;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Wyre v3 transfers: preview, autoConfirm, confirmation window and expiry, PENDING then COMPLETED
 * with status histories, notifyUrl callbacks, Bearer and HMAC authentication, masqueradeAs. The
 * pricing of a transfer (rate table, fees, the three documented Totals modes) is {@link
 * WyreQuotes}.
 */
final class WyreApi extends ProviderApi {
  /** HMAC timestamps further than this from the sandbox clock are refused. */
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  /** Time from PENDING (confirmed) to COMPLETED. */
  static final Duration SETTLEMENT = Duration.ofSeconds(60);

  static final class Transfer {
    String id;
    String owner;
    String source;
    String dest;
    boolean destInternal;
    String sourceCurrency;
    String destCurrency;
    BigDecimal sourceAmount;
    BigDecimal destAmount;
    BigDecimal net;
    BigDecimal fee;
    BigDecimal exchangeRate;
    String status;
    String message;
    String customId;
    String notifyUrl;
    Instant createdAt;
    Instant updatedAt;
    Instant completedAt;
    Instant expiresAt;
    final List<ObjectNode> histories = new ArrayList<>();
  }

  private final Engine engine;
  final WyreBooks books;
  private final WyreQuotes quotes;

  private final List<Transfer> transfers = new ArrayList<>();

  private final Map<String, Transfer> byId = new HashMap<>();

  WyreApi(Engine engine) {
    this.engine = engine;
    this.books = new WyreBooks();
    this.quotes = new WyreQuotes(engine, books);
    on("createTransfer", this::createTransfer);
    on("listTransfers", this::listTransfers);
    on("confirmTransfer", this::confirmTransfer);
    on("getTransfer", this::getTransfer);
  }

  @Override
  Provider provider() {
    return Provider.WYRE;
  }

  void reset() {
    books.reset();
    transfers.clear();
    byId.clear();
  }

  ObjectNode ledger() {
    ObjectNode out = books.book.describe();
    ArrayNode list = out.putArray("transfers");
    transfers.forEach(t -> list.add(json(t)));
    return out;
  }

  // ------------------------------------------------------------------------------------------ auth
  // & errors

  @Override
  void authenticate(Call call, Route route) {
    String account;
    String bearer = call.bearer();
    String apiKey = call.header("X-Api-Key");
    if (bearer != null) {
      account = books.accountBySecret.get(bearer);
      if (account == null) {
        throw Errors.wyreAccessDenied("Invalid Session");
      }
    } else if (apiKey != null) {
      account = books.accountByApiKey.get(apiKey);
      if (account == null) {
        throw Errors.wyreAccessDenied("Invalid Session: unknown API key");
      }
      String signature = call.header("X-Api-Signature");
      if (signature == null) {
        throw Errors.wyreAccessDenied("Missing X-Api-Signature header");
      }
      String timestamp = call.query("timestamp");
      long millis;
      try {
        millis = Long.parseLong(Objects.requireNonNull(timestamp));
      } catch (RuntimeException e) {
        throw Errors.wyreAccessDenied(
            "Signed requests need a timestamp query parameter (epoch milliseconds)");
      }
      long skew = Math.abs(engine.now().toEpochMilli() - millis);
      if (skew > MAX_CLOCK_SKEW.toMillis()) {
        throw Errors.wyreAccessDenied(
            "Stale timestamp: "
                + timestamp
                + " is more than 5 minutes away from "
                + engine.now().toEpochMilli());
      }
      byte[] expected = signature(books.secretByApiKey.get(apiKey), call.fullUrl, call.rawBody);
      if (!MessageDigest.isEqual(
          expected, signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
        throw Errors.wyreAccessDenied("Invalid signature for " + call.fullUrl);
      }
    } else {
      throw Errors.wyreAccessDenied(
          "Invalid Session: send Authorization: Bearer <secret key>, or X-Api-Key with"
              + " X-Api-Signature");
    }
    String masquerade = call.query("masqueradeAs");
    if (masquerade != null) {
      String target = masquerade.startsWith("account:") ? masquerade.substring(8) : masquerade;
      synchronized (engine) {
        if (!books.isDescendant(target, account)) {
          throw Errors.wyreAccessDenied(
              "Cannot masquerade as " + masquerade + ": not a sub-account of this key");
        }
      }
      account = target;
    }
    call.principal = account;
  }

  /** Lowercase hex HMAC-SHA256(secret, url + body) as ASCII bytes. */
  static byte[] signature(String secret, String url, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(url.getBytes(StandardCharsets.UTF_8));
      mac.update(body);
      return HexFormat.of().formatHex(mac.doFinal()).getBytes(StandardCharsets.US_ASCII);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  ApiError invalid(Route route, Call call, List<Errors.Problem> problems) {
    Errors.Problem first = problems.get(0);
    StringBuilder message = new StringBuilder();
    for (Errors.Problem p : problems) {
      message
          .append(message.length() == 0 ? "" : " ")
          .append(p.location().isEmpty() ? "" : p.location() + ": ")
          .append(p.message());
    }
    boolean required = first.error().equals("required");
    return Errors.wyre(
        400,
        "ValidationException",
        required ? "FIELD_REQUIRED" : "INVALID_VALUE",
        required ? "validation.fieldRequired" : "validation.invalidValue",
        message.toString(),
        first.location(),
        null);
  }

  @Override
  ApiError unknownPath(Call call) {
    return Errors.wyre(
        404,
        "NotFoundException",
        "",
        "notFound",
        "No such endpoint: " + call.method + " " + call.path);
  }

  @Override
  ApiError refused(int status, String message) {
    return Errors.wyre(status, "ValidationException", "", "validation.request", message);
  }

  @Override
  ApiError internal(String message) {
    return Errors.wyre(500, "UnknownException", "", "unknown", message);
  }

  private static ApiError notFound(String id) {
    return Errors.wyre(
        400, "NotFoundException", "", "notFound.transfer", "Transfer " + id + " not found");
  }

  // ------------------------------------------------------------------------------------------
  // operations

  private Reply createTransfer(Call call) {
    String acting = (String) call.principal;
    JsonNode body = call.json();
    synchronized (engine) {
      Transfer t = quotes.quote(call, acting);
      if (body.path("preview").asBoolean(false)) {
        t.status = "PREVIEW";
      } else {
        t.status = "UNCONFIRMED";
        if (body.path("autoConfirm").asBoolean(false)) {
          confirm(t); // throws InsufficientFundsException before anything is stored
        } else {
          engine.scheduler.at(t.expiresAt, due -> expire(t, due));
        }
      }
      transfers.add(t);
      byId.put(t.id, t);
      return new Reply(200, json(t));
    }
  }

  private Transfer visible(Call call, String id) {
    Transfer t = byId.get(id);
    if (t == null
        || !books.actsFor((String) call.principal, t.owner.substring("account:".length()))) {
      throw notFound(id);
    }
    return t;
  }

  private Reply confirmTransfer(Call call) {
    synchronized (engine) {
      Transfer t = visible(call, call.pathParam("transferId"));
      if (t.status.equals("UNCONFIRMED") && !engine.now().isBefore(t.expiresAt)) {
        expire(t, t.expiresAt);
      }
      switch (t.status) {
        case "UNCONFIRMED" -> confirm(t);
        case "EXPIRED" ->
            throw Errors.wyreValidation(
                "Transfer "
                    + t.id
                    + " expired at "
                    + t.expiresAt.toEpochMilli()
                    + " (its rate lock ended); create a new transfer",
                "transferId",
                t.id);
        case "PREVIEW" ->
            throw Errors.wyreValidation(
                "Transfer " + t.id + " is a preview and cannot be confirmed", "transferId", t.id);
        default ->
            throw Errors.wyreValidation(
                "Transfer " + t.id + " is already " + t.status, "transferId", t.id);
      }
      return new Reply(200, json(t));
    }
  }

  private void confirm(Transfer t) {
    if (!books.book.covers(t.source, t.sourceCurrency, t.sourceAmount)) {
      throw Errors.wyre(
          400,
          "InsufficientFundsException",
          "",
          "insufficientFunds",
          "Insufficient funds: "
              + t.source
              + " holds "
              + Json.plain(books.book.balance(t.source, t.sourceCurrency))
              + " "
              + t.sourceCurrency
              + ", the transfer needs "
              + Json.plain(t.sourceAmount));
    }
    Instant now = engine.now();
    books.book.move(t.source, Book.IN_FLIGHT, t.sourceCurrency, t.sourceAmount);
    t.status = "PENDING";
    t.updatedAt = now;
    history(t, now, 0, "Initiating Transfer", "INITIATED");
    history(
        t,
        now,
        200,
        t.exchangeRate != null ? "Processing Exchange" : "Processing Transfer",
        "PENDING");
    callback(t);
    engine.scheduler.at(now.plus(SETTLEMENT), due -> complete(t, due));
  }

  private void complete(Transfer t, Instant due) {
    String to = t.destInternal ? t.dest : Book.EXTERNAL;
    books.book.move(Book.IN_FLIGHT, Book.FEES, t.sourceCurrency, t.fee);
    if (t.exchangeRate != null) {
      books.book.move(Book.IN_FLIGHT, Book.EXCHANGE, t.sourceCurrency, t.net);
      books.book.move(Book.EXCHANGE, to, t.destCurrency, t.destAmount);
    } else {
      books.book.move(Book.IN_FLIGHT, to, t.sourceCurrency, t.net);
    }
    t.status = "COMPLETED";
    t.updatedAt = due;
    t.completedAt = due;
    history(t, due, 400, "Transfer Completed", "COMPLETED");
    callback(t);
  }

  private void expire(Transfer t, Instant due) {
    if (t.status.equals("UNCONFIRMED")) {
      t.status = "EXPIRED";
      t.updatedAt = due;
      callback(t);
    }
  }

  private void history(Transfer t, Instant at, int order, String detail, String state) {
    ObjectNode h = Json.object();
    h.put("id", Errors.randomId(11));
    h.put("transferId", t.id);
    h.put("createdAt", at.toEpochMilli());
    h.put("type", "OUTGOING");
    h.put("statusOrder", order);
    h.put("statusDetail", detail);
    h.put("state", state);
    h.putNull("failedState");
    t.histories.add(h);
  }

  private void callback(Transfer t) {
    if (t.notifyUrl != null) {
      engine.webhooks.enqueue(
          "wyre", "transfer " + t.status, t.notifyUrl, Json.bytes(json(t)), Map.of());
    }
  }

  private Reply getTransfer(Call call) {
    synchronized (engine) {
      return new Reply(200, json(visible(call, call.pathParam("transferId"))));
    }
  }

  private Reply listTransfers(Call call) {
    String acting = (String) call.principal;
    int offset = call.query("offset") == null ? 0 : Integer.parseInt(call.query("offset"));
    int length = call.query("length") == null ? 25 : Integer.parseInt(call.query("length"));
    Long from = call.query("from") == null ? null : Long.parseLong(call.query("from"));
    Long to = call.query("to") == null ? null : Long.parseLong(call.query("to"));
    synchronized (engine) {
      List<Transfer> mine = new ArrayList<>();
      for (int i = transfers.size() - 1; i >= 0; i--) {
        Transfer t = transfers.get(i);
        if (books.actsFor(acting, t.owner.substring("account:".length()))) {
          mine.add(t);
        }
      }
      List<Transfer> filtered = new ArrayList<>();
      for (Transfer t : mine) {
        long created = t.createdAt.toEpochMilli();
        if ((from == null || created >= from) && (to == null || created <= to)) {
          filtered.add(t);
        }
      }
      ObjectNode out = Json.object();
      ArrayNode data = out.putArray("data");
      for (int i = offset; i < Math.min(filtered.size(), offset + length); i++) {
        data.add(json(filtered.get(i)));
      }
      out.put("position", offset);
      out.put("recordsTotal", mine.size());
      out.put("recordsFiltered", filtered.size());
      return new Reply(200, out);
    }
  }

  private ObjectNode json(Transfer t) {
    ObjectNode o = Json.object();
    o.put("id", t.id);
    o.put("owner", t.owner);
    o.put("source", t.source);
    o.put("dest", t.dest);
    o.put("sourceAmount", t.sourceAmount);
    o.put("sourceCurrency", t.sourceCurrency);
    o.put("destAmount", t.destAmount);
    o.put("destCurrency", t.destCurrency);
    o.put("status", t.status);
    o.put("message", t.message);
    o.put("customId", t.customId);
    if (t.exchangeRate == null) {
      o.putNull("exchangeRate");
    } else {
      o.put("exchangeRate", t.exchangeRate);
    }
    o.put("createdAt", t.createdAt.toEpochMilli());
    putMillis(o, "updatedAt", t.updatedAt);
    putMillis(o, "completedAt", t.completedAt);
    o.putNull("cancelledAt");
    o.put("expiresAt", t.expiresAt.toEpochMilli());
    ObjectNode fees = o.putObject("fees");
    fees.put(t.sourceCurrency, t.fee);
    if (t.exchangeRate != null) {
      fees.put(
          t.destCurrency,
          BigDecimal.ZERO.setScale(WyreQuotes.CURRENCIES.get(t.destCurrency).scale()));
    }
    o.put("totalFees", t.fee);
    o.putNull("failureReason");
    o.putNull("blockchainTx");
    o.putNull("reversalReason");
    o.putNull("reversingSubStatus");
    o.putNull("pendingSubStatus");
    ArrayNode h = o.putArray("statusHistories");
    t.histories.forEach(h::add);
    return o;
  }

  private static void putMillis(ObjectNode o, String field, Instant at) {
    if (at == null) {
      o.putNull(field);
    } else {
      o.put(field, at.toEpochMilli());
    }
  }

  /** The admin routes of the accounts, holders and balances. */
  void admin(AdminApi admin) {
    books.admin(admin);
  }

  @Override
  Book book() {
    return books.book;
  }

  @Override
  String apiKeyOf(String holder) {
    String account = books.holderOwner.get(holder);
    while (account != null) {
      for (java.util.Map.Entry<String, String> k : books.accountByApiKey.entrySet()) {
        if (k.getValue().equals(account)) {
          return k.getKey();
        }
      }
      WyreBooks.Account a = books.accounts.get(account);
      account = a == null ? null : a.parent();
    }
    return null;
  }
}
