package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.Circle.envelope;
import static dev.transferkit.sandbox.Circle.randomBase58;
import static dev.transferkit.sandbox.Circle.randomHex;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_NATIVE_TOKEN_ID;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_USDC_TOKEN_ID;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_USER_ID;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_WALLET_ADDRESS;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_WALLET_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.transferkit.sandbox.Circle.Entity;
import dev.transferkit.sandbox.CircleUsers.User;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;

/**
 * Circle user-controlled wallets: wallets, tokens and balances (the users are in {@link
 * CircleUsers}, the transfers in {@link CircleTransactions}). Guarded by the engine monitor.
 */
final class CircleWallets {
  private final Circle circle;
  final CircleUsers users;

  // User-controlled wallets
  record Token(
      String id,
      String blockchain,
      String name,
      String symbol,
      int decimals,
      String standard,
      String tokenAddress,
      boolean isNative) {}

  static final class Wallet {
    final String id;
    final String entity;
    final String userId;
    final String blockchain;
    final String address;
    final String walletSetId;
    final Instant created;
    Instant updated;
    String accountType = "EOA";
    String name;
    String refId;

    Wallet(
        String id,
        String entity,
        String userId,
        String blockchain,
        String address,
        String walletSetId,
        Instant at) {
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

  final Map<String, Wallet> wallets = new LinkedHashMap<>();

  void addToken(Token t) {
    tokens.put(t.id(), t);
  }

  ObjectNode adminCreateWallet(JsonNode body) {
    Entity e = circle.adminEntity(body);
    String userId = Json.str(body, "userId");
    if (userId == null || users.get(e.id(), userId) == null) {
      throw new NoSuchElementException("user " + userId + " does not exist for this apiKey");
    }
    String blockchain = Objects.requireNonNullElse(Json.str(body, "blockchain"), "MATIC-AMOY");
    String id = Objects.requireNonNullElse(Json.str(body, "id"), UUID.randomUUID().toString());
    String address = Json.str(body, "address");
    if (address == null) {
      address = blockchain.startsWith("SOL") ? randomBase58(44) : "0x" + randomHex(40);
    }
    Wallet w =
        new Wallet(
            id,
            e.id(),
            userId,
            blockchain,
            address,
            UUID.randomUUID().toString(),
            circle.engine.now());
    wallets.put(id, w);
    circle.owners.put("w3s:" + id, e.id());
    for (JsonNode b : body.path("balances")) {
      setTokenBalance(w, b);
    }
    return walletJson(w);
  }

  /** A new LIVE wallet of the user with a fresh address (the INITIALIZE challenge's wallets). */
  Wallet createWallet(
      String entity,
      String userId,
      String blockchain,
      String accountType,
      String name,
      String refId) {
    String address = blockchain.startsWith("SOL") ? randomBase58(44) : "0x" + randomHex(40);
    Wallet w =
        new Wallet(
            UUID.randomUUID().toString(),
            entity,
            userId,
            blockchain,
            address,
            UUID.randomUUID().toString(),
            circle.engine.now());
    w.accountType = accountType;
    w.name = name;
    w.refId = refId;
    wallets.put(w.id, w);
    circle.owners.put("w3s:" + w.id, entity);
    return w;
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
      throw new IllegalArgumentException(
          "tokenId must be a token on " + w.blockchain + ": " + tokens.keySet());
    }
    circle.book.set("w3s:" + w.id, t.id(), Json.decimal(b.path("amount").asText()));
    w.updated = circle.engine.now();
  }

  // ------------------------------------------------------------------------------------------ W3S
  // wallets

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
    o.put("accountType", w.accountType);
    if (w.accountType.equals("SCA")) {
      o.put("scaCore", "circle_6900_singleowner_v2");
    }
    if (w.name != null) {
      o.put("name", w.name);
    }
    if (w.refId != null) {
      o.put("refId", w.refId);
    }
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
      User u = users.user(call);
      Circle.Period period = Circle.period(call);
      List<Wallet> list = new ArrayList<>();
      for (Wallet w : walletsOf(u)) {
        if (period.contains(w.created)
            && (call.query("refId") == null || call.query("refId").equals(w.refId))
            && (call.query("scaCore") == null || w.accountType.equals("SCA"))
            && (call.query("blockchain") == null || call.query("blockchain").equals(w.blockchain))
            && (call.query("address") == null || call.query("address").equalsIgnoreCase(w.address))
            && (call.query("walletSetId") == null
                || call.query("walletSetId").equals(w.walletSetId))) {
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
      throw Errors.circle(
          400, 2, "API parameter invalid: pageBefore and pageAfter cannot be combined.");
    }
    int size = call.query("pageSize") == null ? 10 : Integer.parseInt(call.query("pageSize"));
    Pages.Page<T> page = Pages.page(list, id, before, after, size);
    if (page == null) {
      throw Errors.circle(404, 156012, "Cannot find the pagination cursor.");
    }
    return page;
  }

  <T> Reply link(
      Reply reply, Call call, Pages.Page<T> page, java.util.function.Function<T, String> id) {
    String base = call.fullUrl.replaceFirst("\\?.*$", "");
    int size = call.query("pageSize") == null ? 10 : Integer.parseInt(call.query("pageSize"));
    List<String> links = new ArrayList<>();
    links.add("<" + base + "?pageSize=" + size + ">; rel=\"first\"");
    if (page.hasNext() && !page.items().isEmpty()) {
      links.add(
          "<"
              + base
              + "?pageAfter="
              + id.apply(page.items().get(page.items().size() - 1))
              + "&pageSize="
              + size
              + ">; rel=\"next\"");
    }
    if (page.hasPrevious() && !page.items().isEmpty()) {
      links.add(
          "<"
              + base
              + "?pageBefore="
              + id.apply(page.items().get(0))
              + "&pageSize="
              + size
              + ">; rel=\"prev\"");
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

  private Reply getWallet(Call call) {
    synchronized (circle.engine) {
      Wallet w = userWallet(users.user(call), call.pathParam("id"));
      return envelope(200, Json.object().set("wallet", walletJson(w)));
    }
  }

  private Reply getToken(Call call) {
    Token t = tokens.get(call.pathParam("id"));
    if (t == null) {
      throw Errors.circle(404, 156002, "Cannot find the token.");
    }
    return envelope(200, Json.object().set("token", tokenJson(t)));
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
      User u = users.user(call);
      Wallet w = userWallet(u, call.pathParam("id"));
      boolean includeAll = "true".equals(call.query("includeAll"));
      ObjectNode data = Json.object();
      ArrayNode arr = data.putArray("tokenBalances");
      circle
          .book
          .balances("w3s:" + w.id)
          .forEach(
              (tokenId, amount) -> {
                Token t = tokens.get(tokenId);
                if ((amount.signum() > 0 || includeAll)
                    && (call.query("tokenAddress") == null
                        || call.query("tokenAddress").equalsIgnoreCase(t.tokenAddress()))
                    && (call.query("standard") == null
                        || call.query("standard").equals(t.standard()))
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
      return ChainAddresses.SOLANA.matcher(address).matches();
    }
    if (blockchain.startsWith("NEAR") || blockchain.startsWith("APTOS")) {
      return !address.isBlank();
    }
    return ChainAddresses.EVM.matcher(address).matches();
  }

  // ------------------------------------------------------------------------------------------
  // tokens and addresses

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
    throw Errors.circle(
        400, 155228, "Missing tokenId: give tokenId, or tokenAddress with blockchain.");
  }

  CircleWallets(Circle circle, CircleUsers users) {
    this.circle = circle;
    this.users = users;
  }

  void register(CircleApi api) {
    api.on("listWallets", this::listWallets);
    api.on("listWalletBalance", this::listWalletBalance);
    api.on("getWallet", this::getWallet);
    api.on("getToken", this::getToken);
  }

  void admin(AdminApi admin) {
    admin.route(
        "POST",
        "circle/w3s/wallets",
        "{userId, apiKey?, blockchain?, id?, address?, balances:" + " [{tokenId, amount}]}",
        true,
        (p, b) -> adminCreateWallet(b));
    admin.route(
        "PUT",
        "circle/w3s/wallets/{id}/balance",
        "{tokenId, amount}",
        true,
        (p, b) -> adminSetWalletBalance(p.get("id"), b));
  }

  void reset() {
    tokens.clear();
    wallets.clear();
    addToken(
        new Token(
            CIRCLE_NATIVE_TOKEN_ID,
            "MATIC-AMOY",
            "Polygon-Amoy",
            "MATIC-AMOY",
            18,
            null,
            null,
            true));
    addToken(
        new Token(
            CIRCLE_USDC_TOKEN_ID,
            "MATIC-AMOY",
            "USD Coin",
            "USDC",
            6,
            "ERC20",
            "0x41e94eb019c0762f9bfcf9fb1e58725bfb0e7582",
            false));
    addToken(
        new Token(
            "979869da-9115-5f7d-917d-12d434e56ae7",
            "ETH-SEPOLIA",
            "Ethereum-Sepolia",
            "ETH-SEPOLIA",
            18,
            null,
            null,
            true));
    addToken(
        new Token(
            "5797fbd6-3795-519d-84ca-ec4c5f80c3b1",
            "ETH-SEPOLIA",
            "USD Coin",
            "USDC",
            6,
            "ERC20",
            "0x1c7d4b196cb0c7b01d743fbc6116a902379c7238",
            false));
    addToken(
        new Token(
            "7adb2b7d-c9cd-5164-b2d4-b73b088274dc",
            "SOL-DEVNET",
            "Solana-Devnet",
            "SOL-DEVNET",
            9,
            null,
            null,
            true));
    Wallet w =
        new Wallet(
            CIRCLE_WALLET_ID,
            "entity-1",
            CIRCLE_USER_ID,
            "MATIC-AMOY",
            CIRCLE_WALLET_ADDRESS,
            "9ae5b554-4bf4-44c1-928a-5598b80bd7a0",
            Instant.parse("2023-07-28T14:41:47Z"));
    wallets.put(w.id, w);
    circle.owners.put("w3s:" + w.id, "entity-1");
    circle.book.set("w3s:" + w.id, CIRCLE_USDC_TOKEN_ID, new BigDecimal("10"));
    circle.book.set("w3s:" + w.id, CIRCLE_NATIVE_TOKEN_ID, new BigDecimal("6.62607015"));
  }
}
