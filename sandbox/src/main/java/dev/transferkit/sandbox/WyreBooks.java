package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.SandboxSeed.WYRE_ACCOUNT;
import static dev.transferkit.sandbox.SandboxSeed.WYRE_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.WYRE_BTC_ACCOUNT;
import static dev.transferkit.sandbox.SandboxSeed.WYRE_OTHER_ACCOUNT;
import static dev.transferkit.sandbox.SandboxSeed.WYRE_OTHER_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.WYRE_OTHER_SECRET_KEY;
import static dev.transferkit.sandbox.SandboxSeed.WYRE_PAYMENT_METHOD;
import static dev.transferkit.sandbox.SandboxSeed.WYRE_PAYMENT_METHOD_2;
import static dev.transferkit.sandbox.SandboxSeed.WYRE_SECRET_KEY;
import static dev.transferkit.sandbox.SandboxSeed.WYRE_SUB_ACCOUNT;
import static dev.transferkit.sandbox.SandboxSeed.WYRE_WALLET;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Wyre's accounts (and sub-accounts), their API keys and secrets, the other holders (wallets,
 * payment methods) and the ledger of balances. Guarded by the engine monitor.
 */
final class WyreBooks {
  record Account(String id, String parent) {}

  final Map<String, Account> accounts = new LinkedHashMap<>();

  final Map<String, String> accountByApiKey = new HashMap<>();

  final Map<String, String> accountBySecret = new HashMap<>();

  final Map<String, String> secretByApiKey = new HashMap<>();

  /** SRN -> owning account id. */
  final Map<String, String> holderOwner = new LinkedHashMap<>();

  final Book book = new Book();

  void addAccount(String id, String parent, String apiKey, String secretKey) {
    accounts.put(id, new Account(id, parent));
    holderOwner.put("account:" + id, id);
    if (apiKey != null) {
      accountByApiKey.put(apiKey, id);
      accountBySecret.put(secretKey, id);
      secretByApiKey.put(apiKey, secretKey);
    }
  }

  // ------------------------------------------------------------------------------------------
  // admin

  /** {id?, parentId?, apiKey?, secretKey?, balances: [{currency, amount}]} */
  ObjectNode adminCreateAccount(JsonNode body) {
    String id = Objects.requireNonNullElse(Json.str(body, "id"), "AC_" + Errors.randomId(11));
    if (accounts.containsKey(id)) {
      throw new IllegalArgumentException("account " + id + " already exists");
    }
    String parent = Json.str(body, "parentId");
    if (parent != null && !accounts.containsKey(parent)) {
      throw new NoSuchElementException("parent account " + parent + " does not exist");
    }
    String apiKey = Json.str(body, "apiKey");
    String secret = Json.str(body, "secretKey");
    if ((apiKey == null) != (secret == null)) {
      throw new IllegalArgumentException("give both apiKey and secretKey, or neither");
    }
    addAccount(id, parent, apiKey, secret);
    setBalances("account:" + id, body.path("balances"));
    return holderJson("account:" + id);
  }

  /** {type: wallet|paymentmethod, id?, ownerId, balances: [...]} */
  ObjectNode adminCreateHolder(JsonNode body) {
    String type = Objects.requireNonNullElse(Json.str(body, "type"), "wallet");
    if (!type.equals("wallet") && !type.equals("paymentmethod")) {
      throw new IllegalArgumentException("type is wallet or paymentmethod");
    }
    String owner = Objects.requireNonNullElse(Json.str(body, "ownerId"), WYRE_ACCOUNT);
    if (!accounts.containsKey(owner)) {
      throw new NoSuchElementException("account " + owner + " does not exist");
    }
    String id =
        Objects.requireNonNullElse(
            Json.str(body, "id"), (type.equals("wallet") ? "WA_" : "PA_") + Errors.randomId(11));
    String srn = type + ":" + id;
    if (holderOwner.containsKey(srn)) {
      throw new IllegalArgumentException(srn + " already exists");
    }
    holderOwner.put(srn, owner);
    setBalances(srn, body.path("balances"));
    return holderJson(srn);
  }

  /** {srn, currency, amount} */
  ObjectNode adminSetBalance(JsonNode body) {
    String srn = Json.str(body, "srn");
    if (srn == null || !holderOwner.containsKey(srn)) {
      throw new NoSuchElementException("unknown SRN " + srn);
    }
    book.set(srn, body.path("currency").asText(), Json.decimal(body.path("amount").asText()));
    return holderJson(srn);
  }

  void setBalances(String srn, JsonNode balances) {
    for (JsonNode b : balances) {
      book.set(srn, b.path("currency").asText(), Json.decimal(b.path("amount").asText()));
    }
  }

  ObjectNode holderJson(String srn) {
    ObjectNode o = Json.object();
    o.put("srn", srn);
    o.put("owner", holderOwner.get(srn));
    ObjectNode b = o.putObject("balances");
    book.balances(srn).forEach((c, a) -> b.put(c, Json.plain(a)));
    return o;
  }

  boolean isDescendant(String account, String ancestor) {
    Account a = accounts.get(account);
    while (a != null && a.parent() != null) {
      if (a.parent().equals(ancestor)) {
        return true;
      }
      a = accounts.get(a.parent());
    }
    return false;
  }

  /** The acting account itself or one of its sub-accounts. */
  boolean actsFor(String acting, String account) {
    return acting.equals(account) || isDescendant(account, acting);
  }

  void reset() {
    accounts.clear();
    accountByApiKey.clear();
    accountBySecret.clear();
    secretByApiKey.clear();
    holderOwner.clear();
    book.clear();
    addAccount(WYRE_ACCOUNT, null, WYRE_API_KEY, WYRE_SECRET_KEY);
    addAccount(WYRE_SUB_ACCOUNT, WYRE_ACCOUNT, null, null);
    addAccount(WYRE_BTC_ACCOUNT, WYRE_ACCOUNT, null, null);
    addAccount(WYRE_OTHER_ACCOUNT, null, WYRE_OTHER_API_KEY, WYRE_OTHER_SECRET_KEY);
    holderOwner.put("wallet:" + WYRE_WALLET, WYRE_ACCOUNT);
    holderOwner.put("paymentmethod:" + WYRE_PAYMENT_METHOD, WYRE_ACCOUNT);
    holderOwner.put("paymentmethod:" + WYRE_PAYMENT_METHOD_2, WYRE_ACCOUNT);
    book.set("account:" + WYRE_ACCOUNT, "USD", new BigDecimal("10000.00"));
    book.set("account:" + WYRE_SUB_ACCOUNT, "USD", new BigDecimal("5000.00"));
    book.set("account:" + WYRE_BTC_ACCOUNT, "BTC", new BigDecimal("1.00000000"));
    book.set("wallet:" + WYRE_WALLET, "USDT", new BigDecimal("1000.000000"));
    book.set("paymentmethod:" + WYRE_PAYMENT_METHOD, "USD", new BigDecimal("2500.00"));
    book.set("paymentmethod:" + WYRE_PAYMENT_METHOD_2, "USD", new BigDecimal("2500.00"));
    book.set("account:" + WYRE_OTHER_ACCOUNT, "USD", new BigDecimal("1000.00"));
  }

  void admin(AdminApi admin) {
    admin.route(
        "POST",
        "wyre/accounts",
        "{id?, parentId?, apiKey?, secretKey?, balances: [{currency, amount}]}",
        true,
        (p, b) -> adminCreateAccount(b));
    admin.route(
        "POST",
        "wyre/holders",
        "{type: wallet|paymentmethod, id?, ownerId?, balances}",
        true,
        (p, b) -> adminCreateHolder(b));
    admin.route(
        "PUT", "wyre/balance", "{srn, currency, amount}", true, (p, b) -> adminSetBalance(b));
  }
}
