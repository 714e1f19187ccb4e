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
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.transferkit.sandbox.StreambirdModel.App;
import dev.transferkit.sandbox.StreambirdModel.User;
import dev.transferkit.sandbox.StreambirdModel.Wallet;
import dev.transferkit.specs.Provider;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Streambird's apps, users and managed wallets (one per type and user, balances per token, the
 * wallet-type / currency compatibility), their admin routes, authentication and error shapes; the
 * transfers on those wallets are {@link StreambirdTransfers}.
 */
final class StreambirdApi extends ProviderApi {
  private final Engine engine;
  private final Map<String, App> appsByKey = new HashMap<>();
  private final Map<String, User> users = new LinkedHashMap<>();
  private final Map<String, Wallet> wallets = new LinkedHashMap<>();
  final Book book = new Book();
  private final StreambirdTransfers transfers;

  StreambirdApi(Engine engine) {
    this.engine = engine;
    this.transfers = new StreambirdTransfers(engine, book, this::appWallet, wallets.values());
    on("createTransfer", transfers::create);
    on("confirmTransfer", transfers::confirm);
    on("listTransfers", transfers::list);
    on("getTransfer", transfers::get);
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
    transfers.describe(out.putArray("transfers"));
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

  static ApiError bad(String message) {
    return Errors.streambird(400, "invalid_request", message);
  }

  static App app(Call call) {
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

  /** The wallet {@code id} of the calling app; 404 when it does not exist or is another app's. */
  Wallet appWallet(Call call, String id) {
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
