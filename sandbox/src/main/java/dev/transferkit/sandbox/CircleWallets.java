package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.Circle.*;
import static dev.transferkit.sandbox.SandboxSeed.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Circle user-controlled wallets: users, their session tokens, wallets, tokens and balances (the transfers are in
 * {@link CircleTransactions}). Guarded by the engine monitor.
 */
final class CircleWallets {
  private final Circle circle;

  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(60);

  static final Pattern EVM_ADDRESS = Pattern.compile("^0x[0-9a-fA-F]{40}$");

  static final Pattern BASE58_ADDRESS = Pattern.compile("^[1-9A-HJ-NP-Za-km-z]{32,44}$");

  final byte[] tokenSecret = new byte[32];

  // User-controlled wallets
  record Token(String id, String blockchain, String name, String symbol, int decimals, String standard,
      String tokenAddress, boolean isNative) {}

  static final class User {
    final String entity;
    final String id;
    final String internalId = UUID.randomUUID().toString();
    final Instant created;
    final String pinStatus;

    User(String entity, String id, Instant created, String pinStatus) {
      this.entity = entity;
      this.id = id;
      this.created = created;
      this.pinStatus = pinStatus;
    }
  }

  static final class Wallet {
    final String id;
    final String entity;
    final String userId;
    final String blockchain;
    final String address;
    final String walletSetId;
    final Instant created;
    Instant updated;

    Wallet(String id, String entity, String userId, String blockchain, String address, String walletSetId, Instant at) {
      this.id = id;
      this.entity = entity;
      this.userId = userId;
      this.blockchain = blockchain;
      this.address = address;
      this.walletSetId = walletSetId;
      this.created = at;
      this.updated = at;
    }
  }

  final Map<String, Token> tokens = new LinkedHashMap<>();

  final Map<String, User> users = new LinkedHashMap<>(); // entity + "/" + userId
  final Map<String, Wallet> wallets = new LinkedHashMap<>();

  void addToken(Token t) {
    tokens.put(t.id(), t);
  }

  ObjectNode adminCreateUser(JsonNode body) {
    Entity e = circle.adminEntity(body);
    String userId = Objects.requireNonNullElse(Json.str(body, "userId"), UUID.randomUUID().toString());
    if (users.containsKey(e.id() + "/" + userId)) {
      throw new IllegalArgumentException("user " + userId + " already exists");
    }
    User u = new User(e.id(), userId, circle.engine.now(), Objects.requireNonNullElse(Json.str(body, "pinStatus"), "ENABLED"));
    users.put(e.id() + "/" + userId, u);
    return userJson(u);
  }

  ObjectNode adminCreateWallet(JsonNode body) {
    Entity e = circle.adminEntity(body);
    String userId = Json.str(body, "userId");
    if (userId == null || !users.containsKey(e.id() + "/" + userId)) {
      throw new NoSuchElementException("user " + userId + " does not exist for this apiKey");
    }
    String blockchain = Objects.requireNonNullElse(Json.str(body, "blockchain"), "MATIC-AMOY");
    String id = Objects.requireNonNullElse(Json.str(body, "id"), UUID.randomUUID().toString());
    String address = Json.str(body, "address");
    if (address == null) {
      address = blockchain.startsWith("SOL") ? randomBase58(44) : "0x" + randomHex(40);
    }
    Wallet w = new Wallet(id, e.id(), userId, blockchain, address, UUID.randomUUID().toString(), circle.engine.now());
    wallets.put(id, w);
    circle.owners.put("w3s:" + id, e.id());
    for (JsonNode b : body.path("balances")) {
      setTokenBalance(w, b);
    }
    return walletJson(w);
  }

  ObjectNode adminSetWalletBalance(String walletId, JsonNode body) {
    Wallet w = wallets.get(walletId);
    if (w == null) {
      throw new NoSuchElementException("wallet " + walletId + " does not exist");
    }
    setTokenBalance(w, body);
    return walletJson(w);
  }

  void setTokenBalance(Wallet w, JsonNode b) {
    Token t = tokens.get(b.path("tokenId").asText());
    if (t == null || !t.blockchain().equals(w.blockchain)) {
      throw new IllegalArgumentException("tokenId must be a token on " + w.blockchain + ": " + tokens.keySet());
    }
    circle.book.set("w3s:" + w.id, t.id(), Json.decimal(b.path("amount").asText()));
    w.updated = circle.engine.now();
  }

  // ------------------------------------------------------------------------------------------ W3S users & tokens

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
      String unsigned = b64.encodeToString(Json.bytes(header)) + "." + b64.encodeToString(Json.bytes(claims));
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
      throw Errors.circle(403, 155104, "The userToken has expired: request a new one with POST /v1/w3s/users/token.");
    }
    User u = users.get(entity(call).id() + "/" + claims.path("sub").asText());
    if (u == null) {
      throw invalid;
    }
    return u;
  }

  // ------------------------------------------------------------------------------------------ W3S wallets

  ObjectNode walletJson(Wallet w) {
    ObjectNode o = Json.object();
    o.put("id", w.id);
    o.put("state", "LIVE");
    o.put("walletSetId", w.walletSetId);
    o.put("custodyType", "ENDUSER");
    o.put("userId", w.userId);
    o.put("address", w.address);
    o.put("addressIndex", 0);
    o.put("blockchain", w.blockchain);
    o.put("accountType", "EOA");
    o.put("createDate", Json.iso(w.created));
    o.put("updateDate", Json.iso(w.updated));
    return o;
  }

  List<Wallet> walletsOf(User u) {
    List<Wallet> list = new ArrayList<>();
    for (Wallet w : wallets.values()) {
      if (w.entity.equals(u.entity) && w.userId.equals(u.id)) {
        list.add(w);
      }
    }
    return list;
  }

  Reply listWallets(Call call) {
    synchronized (circle.engine) {
      User u = user(call);
      List<Wallet> list = new ArrayList<>();
      for (Wallet w : walletsOf(u)) {
        if ((call.query("blockchain") == null || call.query("blockchain").equals(w.blockchain))
            && (call.query("address") == null || call.query("address").equalsIgnoreCase(w.address))
            && (call.query("walletSetId") == null || call.query("walletSetId").equals(w.walletSetId))) {
          list.add(w);
        }
      }
      list.sort(Comparator.comparing((Wallet w) -> w.created).reversed());
      if ("ASC".equals(call.query("order"))) {
        java.util.Collections.reverse(list);
      }
      Pages.Page<Wallet> page = w3sPage(call, list, w -> w.id);
      ObjectNode data = Json.object();
      ArrayNode arr = data.putArray("wallets");
      page.items().forEach(w -> arr.add(walletJson(w)));
      return link(envelope(200, data), call, page, w -> w.id);
    }
  }

  <T> Pages.Page<T> w3sPage(Call call, List<T> list, java.util.function.Function<T, String> id) {
    String before = call.query("pageBefore");
    String after = call.query("pageAfter");
    if (before != null && after != null) {
      throw Errors.circle(400, 2, "API parameter invalid: pageBefore and pageAfter cannot be combined.");
    }
    int size = call.query("pageSize") == null ? 10 : Integer.parseInt(call.query("pageSize"));
    Pages.Page<T> page = Pages.page(list, id, before, after, size);
    if (page == null) {
      throw Errors.circle(404, 156012, "Cannot find the pagination cursor.");
    }
    return page;
  }

  <T> Reply link(Reply reply, Call call, Pages.Page<T> page, java.util.function.Function<T, String> id) {
    String base = call.fullUrl.replaceFirst("\\?.*$", "");
    int size = call.query("pageSize") == null ? 10 : Integer.parseInt(call.query("pageSize"));
    List<String> links = new ArrayList<>();
    links.add("<" + base + "?pageSize=" + size + ">; rel=\"first\"");
    if (page.hasNext() && !page.items().isEmpty()) {
      links.add("<" + base + "?pageAfter=" + id.apply(page.items().get(page.items().size() - 1)) + "&pageSize=" + size
          + ">; rel=\"next\"");
    }
    if (page.hasPrevious() && !page.items().isEmpty()) {
      links.add("<" + base + "?pageBefore=" + id.apply(page.items().get(0)) + "&pageSize=" + size + ">; rel=\"prev\"");
    }
    return reply.header("Link", String.join(", ", links));
  }

  Wallet userWallet(User u, String walletId) {
    Wallet w = wallets.get(walletId);
    if (w == null || !w.entity.equals(u.entity) || !w.userId.equals(u.id)) {
      throw Errors.circle(404, 156001, "Cannot find the wallet.");
    }
    return w;
  }

  ObjectNode tokenJson(Token t) {
    ObjectNode o = Json.object();
    o.put("id", t.id());
    o.put("blockchain", t.blockchain());
    o.put("name", t.name());
    o.put("symbol", t.symbol());
    o.put("decimals", t.decimals());
    if (t.standard() != null) {
      o.put("standard", t.standard());
    }
    if (t.tokenAddress() != null) {
      o.put("tokenAddress", t.tokenAddress());
    }
    o.put("isNative", t.isNative());
    o.put("createDate", "2023-06-29T00:00:00.000Z");
    o.put("updateDate", "2023-06-29T00:00:00.000Z");
    return o;
  }

  Reply listWalletBalance(Call call) {
    synchronized (circle.engine) {
      User u = user(call);
      Wallet w = userWallet(u, call.pathParam("id"));
      boolean includeAll = "true".equals(call.query("includeAll"));
      ObjectNode data = Json.object();
      ArrayNode arr = data.putArray("tokenBalances");
      circle.book.balances("w3s:" + w.id).forEach((tokenId, amount) -> {
        Token t = tokens.get(tokenId);
        if ((amount.signum() > 0 || includeAll)
            && (call.query("tokenAddress") == null || call.query("tokenAddress").equalsIgnoreCase(t.tokenAddress()))
            && (call.query("standard") == null || call.query("standard").equals(t.standard()))
            && (call.query("name") == null || call.query("name").equals(t.name()))) {
          ObjectNode b = arr.addObject();
          b.set("token", tokenJson(t));
          b.put("amount", Json.plain(amount));
          b.put("updateDate", Json.iso(w.updated));
        }
      });
      return envelope(200, data);
    }
  }

  static boolean validAddress(String blockchain, String address) {
    if (blockchain.startsWith("SOL")) {
      return BASE58_ADDRESS.matcher(address).matches();
    }
    if (blockchain.startsWith("NEAR") || blockchain.startsWith("APTOS")) {
      return !address.isBlank();
    }
    return EVM_ADDRESS.matcher(address).matches();
  }

  // ------------------------------------------------------------------------------------------ tokens and addresses

  Token resolveToken(JsonNode r) {
    if (r.hasNonNull("tokenId")) {
      Token t = tokens.get(r.get("tokenId").asText());
      if (t == null) {
        throw Errors.circle(404, 156002, "Cannot find the token.");
      }
      return t;
    }
    if (r.has("tokenAddress") && r.hasNonNull("blockchain")) {
      String address = r.path("tokenAddress").asText();
      for (Token t : tokens.values()) {
        if (t.blockchain().equals(r.get("blockchain").asText())
            && (address.isEmpty() ? t.isNative() : address.equalsIgnoreCase(t.tokenAddress()))) {
          return t;
        }
      }
      throw Errors.circle(404, 156002, "Cannot find the token.");
    }
    throw Errors.circle(400, 155228, "Missing tokenId: give tokenId, or tokenAddress with blockchain.");
  }

  CircleWallets(Circle circle) {
    this.circle = circle;
    RANDOM.nextBytes(tokenSecret);
  }

  void register(CircleApi api) {
    api.on("createUser", this::createUser);
    api.on("getUserToken", this::getUserToken);
    api.on("listWallets", this::listWallets);
    api.on("listWalletBalance", this::listWalletBalance);
  }

  void admin(AdminApi admin) {
    admin.route("POST", "circle/w3s/users", "{userId?, apiKey?, pinStatus?}", true, (p, b) -> adminCreateUser(b));
    admin.route("POST", "circle/w3s/wallets", "{userId, apiKey?, blockchain?, id?, address?, balances:"
        + " [{tokenId, amount}]}", true, (p, b) -> adminCreateWallet(b));
    admin.route("PUT", "circle/w3s/wallets/{id}/balance", "{tokenId, amount}", true,
        (p, b) -> adminSetWalletBalance(p.get("id"), b));
  }

  void reset() {
    tokens.clear();
    users.clear();
    wallets.clear();
    addToken(new Token(CIRCLE_NATIVE_TOKEN_ID, "MATIC-AMOY", "Polygon-Amoy", "MATIC-AMOY", 18, null, null, true));
    addToken(new Token(CIRCLE_USDC_TOKEN_ID, "MATIC-AMOY", "USD Coin", "USDC", 6, "ERC20",
        "0x41e94eb019c0762f9bfcf9fb1e58725bfb0e7582", false));
    addToken(new Token("979869da-9115-5f7d-917d-12d434e56ae7", "ETH-SEPOLIA", "Ethereum-Sepolia", "ETH-SEPOLIA", 18,
        null, null, true));
    addToken(new Token("5797fbd6-3795-519d-84ca-ec4c5f80c3b1", "ETH-SEPOLIA", "USD Coin", "USDC", 6, "ERC20",
        "0x1c7d4b196cb0c7b01d743fbc6116a902379c7238", false));
    addToken(new Token("7adb2b7d-c9cd-5164-b2d4-b73b088274dc", "SOL-DEVNET", "Solana-Devnet", "SOL-DEVNET", 9, null,
        null, true));
    Instant created = Instant.parse("2023-07-26T15:27:32Z");
    users.put("entity-1/" + CIRCLE_USER_ID, new User("entity-1", CIRCLE_USER_ID, created, "ENABLED"));
    Wallet w = new Wallet(CIRCLE_WALLET_ID, "entity-1", CIRCLE_USER_ID, "MATIC-AMOY", CIRCLE_WALLET_ADDRESS,
        "9ae5b554-4bf4-44c1-928a-5598b80bd7a0", Instant.parse("2023-07-28T14:41:47Z"));
    wallets.put(w.id, w);
    circle.owners.put("w3s:" + w.id, "entity-1");
    circle.book.set("w3s:" + w.id, CIRCLE_USDC_TOKEN_ID, new BigDecimal("10"));
    circle.book.set("w3s:" + w.id, CIRCLE_NATIVE_TOKEN_ID, new BigDecimal("6.62607015"));
  }
}
