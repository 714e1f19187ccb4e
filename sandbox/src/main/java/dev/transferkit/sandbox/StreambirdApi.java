package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.SandboxSeed.STREAMBIRD_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.STREAMBIRD_APP_ID;
import static dev.transferkit.sandbox.SandboxSeed.STREAMBIRD_OTHER_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.STREAMBIRD_OTHER_APP_ID;
import static dev.transferkit.sandbox.SandboxSeed.STREAMBIRD_OTHER_SOL_WALLET_ID;
import static dev.transferkit.sandbox.SandboxSeed.STREAMBIRD_OTHER_USER_ID;
import static dev.transferkit.sandbox.SandboxSeed.STREAMBIRD_SOL_WALLET_ADDRESS;
import static dev.transferkit.sandbox.SandboxSeed.STREAMBIRD_SOL_WALLET_ID;
import static dev.transferkit.sandbox.SandboxSeed.STREAMBIRD_USER_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.transferkit.sandbox.StreambirdModel.App;
import dev.transferkit.sandbox.StreambirdModel.Transfer;
import dev.transferkit.sandbox.StreambirdModel.User;
import dev.transferkit.sandbox.StreambirdModel.Wallet;
import dev.transferkit.specs.Provider;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Streambird managed wallets and transfers: wallets per type, fee calculation for
 * amount_includes_fees true and false, wallet-type / currency compatibility, XLM memo destinations,
 * the user_id ownership check, unconfirmed -> pending -> completed, expiry after 2 minutes.
 */
final class StreambirdApi extends ProviderApi {
  static final Duration EXPIRY = Duration.ofMinutes(2);

  /** Time from pending (confirmed) to completed. */
  static final Duration SETTLEMENT = Duration.ofSeconds(30);

  private final Engine engine;
  private final Map<String, App> appsByKey = new HashMap<>();
  private final Map<String, User> users = new LinkedHashMap<>();
  private final Map<String, Wallet> wallets = new LinkedHashMap<>();
  final Book book = new Book();
  private final List<Transfer> transfers = new ArrayList<>();
  private final Map<String, Transfer> byId = new HashMap<>();

  StreambirdApi(Engine engine) {
    this.engine = engine;
    on("createTransfer", this::createTransfer);
    on("confirmTransfer", this::confirmTransfer);
    on("listTransfers", this::listTransfers);
    on("getTransfer", this::getTransfer);
    on("createWallet", this::createWallet);
    on("getWalletBalance", this::getWalletBalance);
    on("getWallet", this::getWallet);
  }

  @Override
  Provider provider() {
    return Provider.STREAMBIRD;
  }

  void reset() {
    appsByKey.clear();
    users.clear();
    wallets.clear();
    book.clear();
    transfers.clear();
    byId.clear();
    Instant seeded = Instant.ofEpochSecond(1660412700L);
    appsByKey.put(STREAMBIRD_API_KEY, new App(STREAMBIRD_APP_ID, STREAMBIRD_API_KEY));
    appsByKey.put(
        STREAMBIRD_OTHER_API_KEY, new App(STREAMBIRD_OTHER_APP_ID, STREAMBIRD_OTHER_API_KEY));
    users.put(STREAMBIRD_USER_ID, new User(STREAMBIRD_USER_ID, STREAMBIRD_APP_ID));
    users.put(
        STREAMBIRD_OTHER_USER_ID, new User(STREAMBIRD_OTHER_USER_ID, STREAMBIRD_OTHER_APP_ID));
    Wallet w =
        new Wallet(
            STREAMBIRD_SOL_WALLET_ID,
            STREAMBIRD_APP_ID,
            STREAMBIRD_USER_ID,
            "SOL",
            STREAMBIRD_SOL_WALLET_ADDRESS,
            seeded);
    w.isDefault = true;
    wallets.put(w.id, w);
    book.set(w.id, "SOL", new BigDecimal("14.8232"));
    Wallet other =
        new Wallet(
            STREAMBIRD_OTHER_SOL_WALLET_ID,
            STREAMBIRD_OTHER_APP_ID,
            STREAMBIRD_OTHER_USER_ID,
            "SOL",
            Circle.randomBase58(44),
            seeded);
    other.isDefault = true;
    wallets.put(other.id, other);
    book.set(other.id, "SOL", new BigDecimal("1"));
  }

  // ------------------------------------------------------------------------------------------
  // admin

  ObjectNode adminCreateApp(JsonNode body) {
    String key =
        Objects.requireNonNullElse(Json.str(body, "apiKey"), "sk_test_" + Errors.randomId(32));
    if (appsByKey.containsKey(key)) {
      throw new IllegalArgumentException("apiKey already exists");
    }
    String id = Objects.requireNonNullElse(Json.str(body, "appId"), "app_" + Errors.randomId(27));
    appsByKey.put(key, new App(id, key));
    ObjectNode o = Json.object();
    o.put("app_id", id);
    o.put("api_key", key);
    return o;
  }

  ObjectNode adminCreateUser(JsonNode body) {
    String app = Objects.requireNonNullElse(Json.str(body, "appId"), STREAMBIRD_APP_ID);
    String id = Objects.requireNonNullElse(Json.str(body, "userId"), "user_" + Errors.randomId(27));
    if (users.containsKey(id)) {
      throw new IllegalArgumentException("user " + id + " already exists");
    }
    users.put(id, new User(id, app));
    ObjectNode o = Json.object();
    o.put("id", id);
    o.put("app_id", app);
    return o;
  }

  /** {userId, walletType, id?, address?, balances: [{token_symbol, amount}]} */
  ObjectNode adminCreateWallet(JsonNode body) {
    User u = users.get(Json.str(body, "userId"));
    if (u == null) {
      throw new NoSuchElementException("user " + Json.str(body, "userId") + " does not exist");
    }
    String type = Objects.requireNonNullElse(Json.str(body, "walletType"), "SOL");
    if (!StreambirdCurrencies.COMPATIBLE.containsKey(type)) {
      throw new IllegalArgumentException(
          "walletType is one of " + StreambirdCurrencies.COMPATIBLE.keySet());
    }
    Wallet w = newWallet(u, type, Json.str(body, "id"), Json.str(body, "address"));
    for (JsonNode b : body.path("balances")) {
      setBalance(w, b);
    }
    return StreambirdModel.json(w);
  }

  ObjectNode adminSetBalance(String walletId, JsonNode body) {
    Wallet w = wallets.get(walletId);
    if (w == null) {
      throw new NoSuchElementException("wallet " + walletId + " does not exist");
    }
    setBalance(w, body);
    return StreambirdModel.json(w);
  }

  private void setBalance(Wallet w, JsonNode b) {
    String symbol = b.path("token_symbol").asText();
    if (!StreambirdCurrencies.COMPATIBLE.get(w.type).contains(symbol)) {
      throw new IllegalArgumentException(
          w.type + " wallets hold " + StreambirdCurrencies.COMPATIBLE.get(w.type));
    }
    book.set(w.id, symbol, Json.decimal(b.path("amount").asText()));
  }

  ObjectNode ledger() {
    ObjectNode out = book.describe();
    ArrayNode list = out.putArray("transfers");
    transfers.forEach(t -> list.add(StreambirdModel.json(t)));
    return out;
  }

  // ------------------------------------------------------------------------------------------ auth
  // & errors

  @Override
  void authenticate(Call call, Route route) {
    String key = call.bearer();
    if (key == null) {
      throw Errors.streambird(
          401, "unauthorized", "Missing API key: send Authorization: Bearer <secret key>");
    }
    App app = appsByKey.get(key);
    if (app == null) {
      throw Errors.streambird(401, "unauthorized", "Invalid API key");
    }
    call.principal = app;
  }

  @Override
  ApiError invalid(Route route, Call call, List<Errors.Problem> problems) {
    StringBuilder message = new StringBuilder("Invalid request:");
    for (Errors.Problem p : problems) {
      message
          .append(' ')
          .append(p.location().isEmpty() ? "" : p.location() + ": ")
          .append(p.message());
    }
    return Errors.streambirdInvalid(message.toString(), problems);
  }

  @Override
  ApiError unknownPath(Call call) {
    return Errors.streambird(
        404, "not_found", "No such endpoint: " + call.method + " " + call.path);
  }

  @Override
  ApiError refused(int status, String message) {
    String type =
        switch (status) {
          case 400 -> "invalid_request";
          case 405 -> "method_not_allowed";
          case 501 -> "not_implemented";
          default -> "request_too_large";
        };
    return Errors.streambird(status, type, message);
  }

  @Override
  ApiError internal(String message) {
    return Errors.streambird(500, "internal_error", message);
  }

  private static ApiError bad(String message) {
    return Errors.streambird(400, "invalid_request", message);
  }

  private static App app(Call call) {
    return (App) call.principal;
  }

  // ------------------------------------------------------------------------------------------
  // wallets

  private Wallet newWallet(User u, String type, String id, String address) {
    String walletId = id != null ? id : "wallet_" + Errors.randomId(27);
    String addr = address;
    if (addr == null) {
      addr =
          switch (type) {
            case "ETH" -> "0x" + Circle.randomHex(40);
            case "BTC" ->
                "tb1q"
                    + Errors.randomId(38)
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^02-9ac-hj-np-z]", "q");
            case "DOT" -> "5" + Circle.randomBase58(47);
            case "XLM" -> "G" + Errors.randomId(55).replaceAll("[^A-Z2-7]", "A");
            default -> Circle.randomBase58(44);
          };
    }
    Wallet w = new Wallet(walletId, u.app(), u.id(), type, addr, engine.now());
    w.isDefault = true;
    wallets.put(w.id, w);
    return w;
  }

  private Wallet appWallet(Call call, String id) {
    Wallet w = wallets.get(id);
    if (w == null || !w.app.equals(app(call).id())) {
      throw Errors.streambird(404, "not_found", "Wallet " + id + " not found");
    }
    return w;
  }

  private Reply createWallet(Call call) {
    JsonNode body = call.json();
    synchronized (engine) {
      User u = users.get(body.path("user_id").asText());
      if (u == null || !u.app().equals(app(call).id())) {
        throw Errors.streambird(
            404, "not_found", "User " + body.path("user_id").asText() + " not found");
      }
      String type = body.path("wallet_type").asText();
      for (Wallet w : wallets.values()) {
        if (w.userId.equals(u.id()) && w.type.equals(type)) {
          return new Reply(200, StreambirdModel.json(w));
        }
      }
      return new Reply(200, StreambirdModel.json(newWallet(u, type, null, null)));
    }
  }

  private Reply getWallet(Call call) {
    synchronized (engine) {
      return new Reply(200, StreambirdModel.json(appWallet(call, call.pathParam("wallet_id"))));
    }
  }

  private Reply getWalletBalance(Call call) {
    JsonNode body = call.json();
    synchronized (engine) {
      Wallet w = appWallet(call, body.path("wallet_id").asText());
      String symbol = body.path("token_symbol").asText();
      if (!StreambirdCurrencies.COMPATIBLE.get(w.type).contains(symbol)) {
        throw bad(
            w.type
                + " wallets do not hold "
                + symbol
                + "; they hold "
                + StreambirdCurrencies.COMPATIBLE.get(w.type));
      }
      ObjectNode o = Json.object();
      o.put("balance", Json.plain(book.balance(w.id, symbol)));
      o.put("token_symbol", symbol);
      o.set("wallet", StreambirdModel.json(w));
      return new Reply(200, o);
    }
  }

  // ------------------------------------------------------------------------------------------
  // transfers

  private Reply createTransfer(Call call) {
    JsonNode body = call.json();
    synchronized (engine) {
      Wallet source = appWallet(call, body.path("source").asText());
      String userId = Json.str(body, "user_id");
      if (userId != null && !userId.equals(source.userId)) {
        throw Errors.streambird(
            403, "forbidden", "Wallet " + source.id + " does not belong to user " + userId);
      }
      String currency = body.path("dest_currency").asText();
      if (!StreambirdCurrencies.COMPATIBLE.get(source.type).contains(currency)) {
        throw bad(
            "Wallet type "
                + source.type
                + " is compatible with "
                + StreambirdCurrencies.COMPATIBLE.get(source.type)
                + ", not "
                + currency);
      }
      String dest = body.path("dest").asText();
      Wallet destWallet = destination(source, dest);
      BigDecimal requested;
      try {
        requested = Json.decimal(body.path("source_amount").asText());
      } catch (NumberFormatException e) {
        throw bad("source_amount is not a decimal number: " + body.path("source_amount").asText());
      }
      if (requested.signum() <= 0) {
        throw bad("source_amount must be greater than 0");
      }
      int decimals = StreambirdCurrencies.decimals(currency);
      if (requested.stripTrailingZeros().scale() > decimals) {
        String amount = body.path("source_amount").asText();
        throw Errors.streambirdInvalid(
            "source_amount "
                + amount
                + " has more decimals than "
                + currency
                + " has ("
                + decimals
                + ")",
            List.of(
                new Errors.Problem(
                    "invalid_value",
                    "source_amount",
                    "at most " + decimals + " decimals for " + currency,
                    amount)));
      }
      BigDecimal fee = StreambirdCurrencies.NETWORK_FEES.get(currency);
      Transfer t = new Transfer();
      t.fees = fee;
      if (body.path("amount_includes_fees").asBoolean(false)) {
        t.sourceAmount = requested;
        t.destAmount = requested.subtract(fee);
        if (t.destAmount.signum() <= 0) {
          throw bad(
              "source_amount "
                  + Json.plain(requested)
                  + " does not cover the network fee "
                  + Json.plain(fee));
        }
      } else {
        t.destAmount = requested;
        t.sourceAmount = requested.add(fee);
      }
      if (!book.covers(source.id, currency, t.sourceAmount)) {
        throw Errors.streambird(
            400,
            "insufficient_funds",
            "Insufficient balance: wallet "
                + source.id
                + " holds "
                + Json.plain(book.balance(source.id, currency))
                + " "
                + currency
                + ", the transfer needs "
                + Json.plain(t.sourceAmount));
      }
      Instant now = engine.now();
      t.id = "transfer_" + Errors.randomId(27);
      t.app = source.app;
      t.source = source;
      t.dest = dest;
      t.destWallet = destWallet;
      t.currency = currency;
      t.notes = Json.str(body, "notes");
      t.created = now;
      t.updated = now;
      t.expires = now.plus(EXPIRY);
      transfers.add(t);
      byId.put(t.id, t);
      engine.scheduler.at(t.expires, due -> expire(t, due));
      return new Reply(200, StreambirdModel.json(t));
    }
  }

  /**
   * The Streambird wallet the address belongs to, or null for an external address; refuses
   * malformed addresses.
   */
  private Wallet destination(Wallet source, String dest) {
    String address = dest;
    boolean memo = false;
    if (source.type.equals("XLM") && dest.indexOf(':') > 0) {
      address = dest.substring(0, dest.indexOf(':'));
      memo = dest.length() > address.length() + 1;
    }
    if (!StreambirdCurrencies.ADDRESS.get(source.type).matcher(address).matches()) {
      throw bad(
          "dest "
              + dest
              + " is not a "
              + source.type
              + " address (a "
              + source.type
              + " wallet only sends to addresses of its own chain)");
    }
    Wallet internal = null;
    for (Wallet w : wallets.values()) {
      if (w.type.equals(source.type) && w.address.equals(address)) {
        internal = w;
      }
    }
    if (source.type.equals("XLM") && internal == null && !memo) {
      throw bad(
          "Transfers from a Streambird XLM wallet to an external address need a memo: use <address>:<memo>");
    }
    return internal;
  }

  private Transfer appTransfer(Call call, String id) {
    Transfer t = byId.get(id);
    if (t == null || !t.app.equals(app(call).id())) {
      throw Errors.streambird(404, "not_found", "Transfer " + id + " not found");
    }
    return t;
  }

  private Reply confirmTransfer(Call call) {
    JsonNode body = call.json();
    synchronized (engine) {
      Transfer t = appTransfer(call, call.pathParam("transfer_id"));
      String userId = Json.str(body, "user_id");
      if (userId != null && !userId.equals(t.source.userId)) {
        throw Errors.streambird(
            403, "forbidden", "Wallet " + t.source.id + " does not belong to user " + userId);
      }
      Instant now = engine.now();
      if (t.status.equals("unconfirmed") && !now.isBefore(t.expires)) {
        expire(t, t.expires);
      }
      if (t.status.equals("expired")) {
        throw bad(
            "Transfer "
                + t.id
                + " expired at "
                + t.expires.getEpochSecond()
                + "; create a new transfer");
      }
      if (!t.status.equals("unconfirmed")) {
        throw bad("Transfer " + t.id + " is " + t.status + ", not unconfirmed");
      }
      if (!book.covers(t.source.id, t.currency, t.sourceAmount)) {
        throw Errors.streambird(
            400, "insufficient_funds", "Insufficient balance in wallet " + t.source.id);
      }
      book.move(t.source.id, Book.IN_FLIGHT, t.currency, t.sourceAmount);
      t.status = "pending";
      t.txHash =
          t.source.type.equals("ETH") ? "0x" + Circle.randomHex(64) : Circle.randomBase58(88);
      t.updated = now;
      engine.scheduler.at(now.plus(SETTLEMENT), due -> complete(t, due));
      return new Reply(200, StreambirdModel.json(t));
    }
  }

  private void complete(Transfer t, Instant due) {
    book.move(Book.IN_FLIGHT, Book.FEES, t.currency, t.fees);
    book.move(
        Book.IN_FLIGHT,
        t.destWallet != null ? t.destWallet.id : Book.EXTERNAL,
        t.currency,
        t.destAmount);
    t.status = "completed";
    t.completed = due;
    t.updated = due;
  }

  private void expire(Transfer t, Instant due) {
    if (t.status.equals("unconfirmed")) {
      t.status = "expired";
      t.updated = due;
    }
  }

  private Reply getTransfer(Call call) {
    synchronized (engine) {
      return new Reply(200, StreambirdModel.json(appTransfer(call, call.pathParam("transfer_id"))));
    }
  }

  private Reply listTransfers(Call call) {
    int limit = call.query("limit") == null ? 50 : Integer.parseInt(call.query("limit"));
    int offset = call.query("offset") == null ? 0 : Integer.parseInt(call.query("offset"));
    synchronized (engine) {
      List<Transfer> matching = new ArrayList<>();
      for (int i = transfers.size() - 1; i >= 0; i--) {
        Transfer t = transfers.get(i);
        if (t.app.equals(app(call).id())
            && (call.query("user_id") == null || call.query("user_id").equals(t.source.userId))
            && (call.query("source") == null || call.query("source").equals(t.source.id))) {
          matching.add(t);
        }
      }
      ObjectNode out = Json.object();
      ArrayNode list = out.putArray("transfers");
      for (int i = offset; i < Math.min(matching.size(), offset + limit); i++) {
        list.add(StreambirdModel.json(matching.get(i)));
      }
      out.put("count", matching.size());
      out.put("offset", offset);
      out.put("limit", limit);
      return new Reply(200, out);
    }
  }

  /** The admin routes of the apps, users, wallets and balances. */
  void admin(AdminApi admin) {
    admin.route("POST", "streambird/apps", "{apiKey?, appId?}", true, (p, b) -> adminCreateApp(b));
    admin.route(
        "POST", "streambird/users", "{userId?, appId?}", true, (p, b) -> adminCreateUser(b));
    admin.route(
        "POST",
        "streambird/wallets",
        "{userId, walletType, id?, address?, balances: [{token_symbol," + " amount}]}",
        true,
        (p, b) -> adminCreateWallet(b));
    admin.route(
        "PUT",
        "streambird/wallets/{id}/balance",
        "{token_symbol, amount}",
        true,
        (p, b) -> adminSetBalance(p.get("id"), b));
  }

  @Override
  Book book() {
    return book;
  }

  @Override
  String apiKeyOf(String holder) {
    Wallet w = wallets.get(holder);
    if (w != null) {
      for (App a : appsByKey.values()) {
        if (a.id().equals(w.app)) {
          return a.apiKey();
        }
      }
    }
    return null;
  }
}
