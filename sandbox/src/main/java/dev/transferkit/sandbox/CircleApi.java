package dev.transferkit.sandbox;

import dev.transferkit.specs.Provider;
import static dev.transferkit.sandbox.SandboxSeed.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Circle: Digital Asset Accounts (balances, internal transfers), crypto payouts to address-book recipients, and
 * user-controlled wallets (users, session tokens, wallets, balances, transfer challenges, transactions and signed
 * webhooks). All state is guarded by the engine monitor.
 */
final class CircleApi extends ProviderApi {
  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(60);
  /** Time between two W3S transaction states (INITIATED, QUEUED, SENT, CONFIRMED, COMPLETE). */
  static final Duration W3S_STEP = Duration.ofSeconds(10);
  /** Time from a pending payout to its outcome (complete, or failed when risk screening denies it). */
  static final Duration PAYOUT_SETTLEMENT = Duration.ofSeconds(60);
  static final BigDecimal PAYOUT_FEE = new BigDecimal("0.50");

  private static final Pattern UUID_TEXT =
      Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private static final Pattern EVM_ADDRESS = Pattern.compile("^0x[0-9a-fA-F]{40}$");
  private static final Pattern BASE58_ADDRESS = Pattern.compile("^[1-9A-HJ-NP-Za-km-z]{32,44}$");
  private static final Set<String> PAYOUT_CURRENCIES = Set.of("USD", "EUR");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Engine engine;
  private final byte[] tokenSecret = new byte[32];

  // Entities (one per API key), their accounts / wallets, and the money.
  record Entity(String id, String apiKey, String type, boolean purposeRequired, String defaultWallet) {}

  private final Map<String, Entity> entities = new LinkedHashMap<>();
  /** Holder id ("account:1017381855", "wallet:53535335", "w3s:<walletId>") to owning entity id. */
  private final Map<String, String> owners = new HashMap<>();
  final Book book = new Book();

  // Digital Asset Accounts
  private final List<AccountTransfer> transfers = new ArrayList<>(); // oldest first
  private final Map<String, AccountTransfer> transfersById = new HashMap<>();

  /**
   * One account transfer as the sandbox keeps it: the fields, not a JSON tree (a tree of it takes about 2 KB, ten
   * times this; under a load test that creates hundreds of thousands, that retained state is what GC pauses copy).
   */
  record AccountTransfer(String id, String owner, BigDecimal amount, String currency, String sourceId,
      String destinationId, Instant created) {
    ObjectNode json() {
      String date = Json.iso(created);
      ObjectNode t = Json.object();
      t.put("id", id);
      t.put("status", "complete");
      t.set("amount", Json.money(amount, currency));
      t.set("source", location("account", sourceId));
      t.set("destination", location("account", destinationId));
      t.putArray("fees");
      t.put("createDate", date);
      t.put("updateDate", date);
      return t;
    }
  }
  private final Map<String, Idem> idempotency = new HashMap<>();

  /**
   * What an idempotency key is bound to: the request in canonical form (members sorted, compact; a fraction of the
   * tree's memory, which matters when a load test binds hundreds of thousands of keys) and the result's id.
   */
  /**
   * The request an idempotency key was first used with: its canonical bytes (members sorted), or the raw body bytes,
   * canonicalized only when the key is used again (most keys never are, and canonicalizing on every create cost about
   * 5% of the sandbox's CPU at one connection).
   */
  record Idem(byte[] canonical, byte[] raw, String resultId) {
    Idem(JsonNode request, String resultId) {
      this(Json.canonical(request), null, resultId);
    }

    /** Bound to a request body as received (a JSON object the spec check has parsed). */
    static Idem ofBody(byte[] raw, String resultId) {
      return new Idem(null, raw, resultId);
    }

    boolean sameRequest(JsonNode other) {
      byte[] mine = canonical != null ? canonical : Json.canonical(Json.parseStrict(raw));
      return java.util.Arrays.equals(mine, Json.canonical(other));
    }
  }

  // Payouts
  record AddressBookEntry(String id, String entity, String chain, String address, boolean denied, boolean active) {}

  private final Map<String, AddressBookEntry> addressBook = new LinkedHashMap<>();
  private final List<ObjectNode> payouts = new ArrayList<>();
  private final Map<String, ObjectNode> payoutsById = new HashMap<>();
  private final Map<String, String> payoutOwner = new HashMap<>();
  private final Map<String, String> payoutChain = new HashMap<>();

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

  private final Map<String, Token> tokens = new LinkedHashMap<>();
  private final Map<String, User> users = new LinkedHashMap<>(); // entity + "/" + userId
  private final Map<String, Wallet> wallets = new LinkedHashMap<>();
  private final Map<String, Challenge> challenges = new HashMap<>();
  private final Map<String, Idem> challengeIdempotency = new HashMap<>();
  private final List<Tx> transactions = new ArrayList<>();
  private final Map<String, String> failingAddresses = new HashMap<>(); // lower-case address -> FAILED | DENIED
  private final List<Subscription> subscriptions = new ArrayList<>();
  private long blockHeight = 3949873;

  CircleApi(Engine engine) {
    this.engine = engine;
    RANDOM.nextBytes(tokenSecret);
    // Digital Asset Accounts
    on("getAccountBalances", this::getAccountBalances);
    on("createAccountTransfer", this::createAccountTransfer);
    on("listAccountTransfers", this::listAccountTransfers);
    on("getAccountTransfer", this::getAccountTransfer);
    // Payouts
    on("createPayout", this::createPayout);
    on("listPayouts", this::listPayouts);
    on("getPayout", this::getPayout);
    // User-controlled wallets
    on("createUser", this::createUser);
    on("getUserToken", this::getUserToken);
    on("listWallets", this::listWallets);
    on("listWalletBalance", this::listWalletBalance);
    on("createUserTransactionTransferChallenge", this::createTransferChallenge);
    on("listTransactions", this::listTransactions);
    on("getTransaction", this::getTransaction);
    on("getNotificationSignature", this::getNotificationPublicKey);
  }

  @Override
  Provider provider() {
    return Provider.CIRCLE;
  }

  // ------------------------------------------------------------------------------------------ seed

  void reset() {
    entities.clear();
    owners.clear();
    book.clear();
    transfers.clear();
    transfersById.clear();
    idempotency.clear();
    addressBook.clear();
    payouts.clear();
    payoutsById.clear();
    payoutOwner.clear();
    payoutChain.clear();
    tokens.clear();
    users.clear();
    wallets.clear();
    challenges.clear();
    challengeIdempotency.clear();
    transactions.clear();
    failingAddresses.clear();
    subscriptions.clear();

    addEntity("entity-1", CIRCLE_API_KEY, "CIRCLE_INC", false, CIRCLE_PAYOUT_WALLET);
    addEntity("entity-2", CIRCLE_OTHER_API_KEY, "CIRCLE_INC", false, null);
    addEntity("entity-sg", CIRCLE_SG_API_KEY, "CIRCLE_SG", true, CIRCLE_SG_PAYOUT_WALLET);
    addHolder("account", CIRCLE_SOURCE_ACCOUNT, "entity-1", Map.of("USD", new BigDecimal("10000.00")));
    addHolder("account", CIRCLE_DESTINATION_ACCOUNT, "entity-1", Map.of("USD", new BigDecimal("0.00")));
    addHolder("account", CIRCLE_OTHER_ACCOUNT, "entity-2", Map.of("USD", new BigDecimal("500.00")));
    addHolder("wallet", CIRCLE_PAYOUT_WALLET, "entity-1", Map.of("USD", new BigDecimal("10000.00")));
    addHolder("wallet", CIRCLE_SG_PAYOUT_WALLET, "entity-sg", Map.of("USD", new BigDecimal("1000.00")));
    addressBook.put(CIRCLE_ADDRESS_BOOK_ID, new AddressBookEntry(CIRCLE_ADDRESS_BOOK_ID, "entity-1", "ETH",
        "0x6E5eAf34c73D1CD0be4e24f923b97CF38e10d1f3", false, true));
    addressBook.put(CIRCLE_DENIED_ADDRESS_BOOK_ID, new AddressBookEntry(CIRCLE_DENIED_ADDRESS_BOOK_ID, "entity-1",
        "ETH", "0xde11ed0000000000000000000000000000000002", true, true));
    addressBook.put(CIRCLE_SG_ADDRESS_BOOK_ID, new AddressBookEntry(CIRCLE_SG_ADDRESS_BOOK_ID, "entity-sg", "ETH",
        "0x5a00000000000000000000000000000000000001", false, true));

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
    owners.put("w3s:" + w.id, "entity-1");
    book.set("w3s:" + w.id, CIRCLE_USDC_TOKEN_ID, new BigDecimal("10"));
    book.set("w3s:" + w.id, CIRCLE_NATIVE_TOKEN_ID, new BigDecimal("6.62607015"));
    failingAddresses.put(CIRCLE_FAILING_ADDRESS.toLowerCase(), "FAILED");
    failingAddresses.put(CIRCLE_DENIED_ADDRESS.toLowerCase(), "DENIED");
  }

  private void addEntity(String id, String apiKey, String type, boolean purposeRequired, String defaultWallet) {
    entities.put(apiKey, new Entity(id, apiKey, type, purposeRequired, defaultWallet));
  }

  private void addHolder(String kind, String id, String entity, Map<String, BigDecimal> balances) {
    owners.put(kind + ":" + id, entity);
    balances.forEach((c, a) -> book.set(kind + ":" + id, c, a));
  }

  private void addToken(Token t) {
    tokens.put(t.id(), t);
  }

  // ------------------------------------------------------------------------------------------ admin

  /** Creates an entity with its own API key (admin). */
  ObjectNode adminCreateEntity(JsonNode body) {
    String apiKey = Json.str(body, "apiKey");
    if (apiKey == null || apiKey.split(":").length != 3) {
      throw new IllegalArgumentException("apiKey of the form PREFIX:ID:SECRET is required");
    }
    if (entities.containsKey(apiKey)) {
      throw new IllegalArgumentException("apiKey already exists");
    }
    String id = "entity-" + UUID.randomUUID();
    String type = Objects.requireNonNullElse(Json.str(body, "entityType"), "CIRCLE_INC");
    boolean required = body.path("purposeOfTransferRequired").asBoolean(type.equals("CIRCLE_SG"));
    String wallet = Json.str(body, "defaultWalletId");
    addEntity(id, apiKey, type, required, wallet);
    if (wallet != null) {
      addHolder("wallet", wallet, id, Map.of());
    }
    ObjectNode out = Json.object();
    out.put("apiKey", apiKey);
    out.put("entityId", id);
    out.put("entityType", type);
    out.put("purposeOfTransferRequired", required);
    return out;
  }

  private Entity adminEntity(JsonNode body) {
    String apiKey = Objects.requireNonNullElse(Json.str(body, "apiKey"), CIRCLE_API_KEY);
    Entity e = entities.get(apiKey);
    if (e == null) {
      throw new IllegalArgumentException("unknown Circle apiKey " + apiKey);
    }
    return e;
  }

  /** Creates an account or wallet ({kind: account|wallet, id?, apiKey?, balances: [{amount, currency}]}). */
  ObjectNode adminCreateHolder(String kind, JsonNode body) {
    Entity e = adminEntity(body);
    String id = Json.str(body, "id");
    if (id == null) {
      id = String.valueOf(1_000_000_000L + RANDOM.nextInt(1_000_000_000));
    }
    if (owners.containsKey(kind + ":" + id)) {
      throw new IllegalArgumentException(kind + " " + id + " already exists");
    }
    owners.put(kind + ":" + id, e.id());
    for (JsonNode m : body.path("balances")) {
      book.set(kind + ":" + id, m.path("currency").asText(), Json.decimal(m.path("amount").asText()));
    }
    ObjectNode out = Json.object();
    out.put("id", id);
    out.put("kind", kind);
    out.put("apiKey", e.apiKey());
    out.set("balances", balancesJson(kind + ":" + id));
    return out;
  }

  /** Sets one balance of an account / wallet ({amount, currency}). */
  ObjectNode adminSetBalance(String kind, String id, JsonNode body) {
    if (!owners.containsKey(kind + ":" + id)) {
      throw new NoSuchElementException(kind + " " + id + " does not exist");
    }
    book.set(kind + ":" + id, body.path("currency").asText(), Json.decimal(body.path("amount").asText()));
    ObjectNode out = Json.object();
    out.put("id", id);
    out.set("balances", balancesJson(kind + ":" + id));
    return out;
  }

  ObjectNode adminCreateAddressBookEntry(JsonNode body) {
    Entity e = adminEntity(body);
    String id = Objects.requireNonNullElse(Json.str(body, "id"), UUID.randomUUID().toString());
    if (!UUID_TEXT.matcher(id).matches()) {
      throw new IllegalArgumentException("address-book ids are UUIDs");
    }
    AddressBookEntry entry = new AddressBookEntry(id, e.id(), Objects.requireNonNullElse(Json.str(body, "chain"), "ETH"),
        Objects.requireNonNullElse(Json.str(body, "address"), "0x" + "ab".repeat(20)),
        body.path("denied").asBoolean(false), body.path("active").asBoolean(true));
    addressBook.put(id, entry);
    ObjectNode out = Json.object();
    out.put("id", id);
    out.put("apiKey", e.apiKey());
    out.put("chain", entry.chain());
    out.put("address", entry.address());
    out.put("denied", entry.denied());
    out.put("active", entry.active());
    return out;
  }

  ObjectNode adminCreateUser(JsonNode body) {
    Entity e = adminEntity(body);
    String userId = Objects.requireNonNullElse(Json.str(body, "userId"), UUID.randomUUID().toString());
    if (users.containsKey(e.id() + "/" + userId)) {
      throw new IllegalArgumentException("user " + userId + " already exists");
    }
    User u = new User(e.id(), userId, engine.now(), Objects.requireNonNullElse(Json.str(body, "pinStatus"), "ENABLED"));
    users.put(e.id() + "/" + userId, u);
    return userJson(u);
  }

  ObjectNode adminCreateWallet(JsonNode body) {
    Entity e = adminEntity(body);
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
    Wallet w = new Wallet(id, e.id(), userId, blockchain, address, UUID.randomUUID().toString(), engine.now());
    wallets.put(id, w);
    owners.put("w3s:" + id, e.id());
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

  private void setTokenBalance(Wallet w, JsonNode b) {
    Token t = tokens.get(b.path("tokenId").asText());
    if (t == null || !t.blockchain().equals(w.blockchain)) {
      throw new IllegalArgumentException("tokenId must be a token on " + w.blockchain + ": " + tokens.keySet());
    }
    book.set("w3s:" + w.id, t.id(), Json.decimal(b.path("amount").asText()));
    w.updated = engine.now();
  }

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
    String entity = body.hasNonNull("apiKey") ? adminEntity(body).id() : null;
    Subscription s = new Subscription(UUID.randomUUID().toString(), endpoint, entity);
    subscriptions.add(s);
    ObjectNode out = Json.object();
    out.put("id", s.id());
    out.put("endpoint", endpoint);
    out.put("apiKey", body.hasNonNull("apiKey") ? body.get("apiKey").asText() : null);
    return out;
  }

  /** Completes (or fails, with {outcome: "FAILED"}) a PENDING challenge, standing in for the user's PIN entry. */
  ObjectNode adminCompleteChallenge(String challengeId, JsonNode body) {
    Challenge c = challenges.get(challengeId);
    if (c == null) {
      throw new NoSuchElementException("challenge " + challengeId + " does not exist");
    }
    if (!c.status.equals("PENDING")) {
      throw new IllegalStateException("challenge " + challengeId + " is " + c.status + ", not PENDING");
    }
    Instant now = engine.now();
    if ("FAILED".equals(Json.str(body, "outcome"))) {
      c.status = "FAILED";
      c.errorCode = 155113;
      c.errorMessage = "The user did not authorize the challenge (sandbox).";
      return challengeJson(c);
    }
    JsonNode r = c.request;
    Wallet w = wallets.get(r.path("walletId").asText());
    Token t = resolveToken(r);
    BigDecimal amount = Json.decimal(r.path("amounts").get(0).asText());
    String holder = "w3s:" + w.id;
    if (!book.covers(holder, t.id(), amount)) {
      c.status = "FAILED";
      c.errorCode = 155201;
      c.errorMessage = "Not enough funds to fulfill the withdraw request.";
      return challengeJson(c);
    }
    book.move(holder, Book.IN_FLIGHT, t.id(), amount);
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

  ObjectNode ledger() {
    ObjectNode out = book.describe();
    ArrayNode t = out.putArray("transfers");
    transfers.forEach(x -> t.add(x.json()));
    ArrayNode p = out.putArray("payouts");
    payouts.forEach(p::add);
    ArrayNode x = out.putArray("w3sTransactions");
    transactions.forEach(tx -> x.add(txJson(tx, false)));
    ArrayNode c = out.putArray("challenges");
    challenges.values().forEach(ch -> c.add(challengeJson(ch)));
    return out;
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

  // ------------------------------------------------------------------------------------------ auth & errors

  private static boolean isWallets(Route route) {
    return route.spec().equals(Specs.CIRCLE_WALLETS);
  }

  @Override
  void authenticate(Call call, Route route) {
    String key = call.bearer();
    int code = isWallets(route) ? 401 : 1;
    if (key == null) {
      throw Errors.circle(401, code, "Malformed authorization. Are you missing your API key?");
    }
    Entity e = entities.get(key);
    if (e == null) {
      throw Errors.circle(401, code, key.split(":").length == 3 ? "Invalid credentials."
          : "Malformed key. Does it contain three parts?");
    }
    call.principal = e;
  }

  @Override
  ApiError invalid(Route route, Call call, List<Errors.Problem> problems) {
    for (Errors.Problem p : problems) {
      if (p.location().equalsIgnoreCase("X-User-Token") && p.error().equals("required")) {
        return Errors.circle(401, 155103, "User token not found: send the X-User-Token header.");
      }
      if (route.spec().equals(Specs.CIRCLE_PAYOUTS) && p.location().equals("purposeOfTransfer")) {
        return Errors.circle(400, 5020, "Invalid purposeOfTransfer: " + p.message());
      }
    }
    return Errors.circleInvalid(isWallets(route) ? "API parameter invalid" : "Invalid entity.", problems);
  }

  @Override
  ApiError unknownPath(Call call) {
    return Errors.circle(404, 404, "Not found: " + call.method + " " + call.path + " is not a Circle API the sandbox serves.");
  }

  @Override
  ApiError refused(int status, String message) {
    return Errors.circle(status, status, message);
  }

  @Override
  ApiError internal(String message) {
    return Errors.circle(500, -1, message);
  }

  private static Entity entity(Call call) {
    return (Entity) call.principal;
  }

  private static ApiError invalidField(String headline, String location, String message, String value) {
    return Errors.circleInvalid(headline, List.of(new Errors.Problem("invalid_value", location, message, value)));
  }

  private static BigDecimal positiveAmount(String headline, String location, String text, int maxScale) {
    BigDecimal amount;
    try {
      amount = Json.decimal(text);
    } catch (NumberFormatException | NullPointerException e) {
      throw Errors.circleInvalid(headline, List.of(new Errors.Problem("number_format", location,
          location + " is not a decimal number", text)));
    }
    if (amount.signum() <= 0) {
      throw Errors.circleInvalid(headline, List.of(new Errors.Problem("min_value", location,
          location + " must be greater than 0", text)));
    }
    if (maxScale >= 0 && amount.scale() > maxScale) {
      throw invalidField(headline, location, location + " has more than " + maxScale + " decimal places", text);
    }
    return amount;
  }

  private static void requireUuid(String headline, String location, String value) {
    if (value == null || !UUID_TEXT.matcher(value).matches()) {
      throw invalidField(headline, location, location + " must be a UUID", value);
    }
  }

  // ------------------------------------------------------------------------------------------ accounts

  private ArrayNode balancesJson(String holder) {
    ArrayNode list = Json.array();
    book.balances(holder).forEach((currency, amount) -> list.add(Json.money(amount, currency)));
    return list;
  }

  private Reply getAccountBalances(Call call) {
    synchronized (engine) {
      String holder = "account:" + call.pathParam("accountId");
      if (!entity(call).id().equals(owners.get(holder))) {
        throw Errors.circle(404, 404, "Account " + call.pathParam("accountId") + " not found.");
      }
      ObjectNode data = Json.object();
      data.set("available", balancesJson(holder));
      data.putArray("unsettled");
      return envelope(200, data);
    }
  }

  private Reply createAccountTransfer(Call call) {
    JsonNode body = call.json();
    String h = "Invalid entity.";
    String key = body.path("idempotencyKey").asText();
    requireUuid(h, "idempotencyKey", key);
    Entity e = entity(call);
    synchronized (engine) {
      Idem previous = idempotency.get(e.id() + "/" + key);
      if (previous != null) {
        if (previous.sameRequest(body)) {
          return envelope(200, transfersById.get(previous.resultId()).json());
        }
        throw Errors.circle(409, 1083, "Idempotency key already bound to other request");
      }
      JsonNode source = body.path("source");
      JsonNode destination = body.path("destination");
      if (!"account".equals(source.path("type").asText())) {
        throw Errors.circle(400, 1088, "Invalid source account: the source of an account transfer is an account.");
      }
      if (!source.hasNonNull("id")) {
        throw Errors.circleInvalid(h, List.of(new Errors.Problem("required", "source.id", "source.id may not be null",
            "null")));
      }
      String currency = body.path("amount").path("currency").asText();
      BigDecimal amount = positiveAmount(h, "amount.amount", body.path("amount").path("amount").asText(null), 2);
      String from = "account:" + source.get("id").asText();
      if (!e.id().equals(owners.get(from))) {
        throw Errors.circle(404, 1089, "Source account not found.");
      }
      if (!"account".equals(destination.path("type").asText()) || !destination.hasNonNull("id")) {
        throw Errors.circle(400, 2007, "Unsupported transfer: the sandbox moves funds between accounts of the same"
            + " program only (destination type account with an id).");
      }
      String to = "account:" + destination.get("id").asText();
      if (!e.id().equals(owners.get(to))) {
        throw Errors.circle(400, 2007,
            "Unsupported transfer: destination account is not an account of the same program.");
      }
      if (from.equals(to)) {
        throw Errors.circle(400, 2007, "Unsupported transfer: source and destination are the same account.");
      }
      if (!book.covers(from, currency, amount)) {
        throw Errors.circle(400, 1093, "Source account has insufficient funds");
      }
      book.move(from, to, currency, amount);
      AccountTransfer t = new AccountTransfer(UUID.randomUUID().toString(), e.id(), amount, currency,
          source.get("id").asText(), destination.get("id").asText(), engine.now());
      String id = t.id();
      transfers.add(t);
      transfersById.put(id, t);
      idempotency.put(e.id() + "/" + key, Idem.ofBody(call.rawBody, id));
      return envelope(201, t.json());
    }
  }

  private static ObjectNode location(String type, String id) {
    ObjectNode o = Json.object();
    o.put("type", type);
    o.put("id", id);
    return o;
  }

  private Reply getAccountTransfer(Call call) {
    synchronized (engine) {
      String id = call.pathParam("id");
      AccountTransfer t = transfersById.get(id);
      if (t == null || !entity(call).id().equals(t.owner())) {
        throw Errors.circle(404, 404, "Transfer " + id + " not found.");
      }
      return envelope(200, t.json());
    }
  }

  private Reply listAccountTransfers(Call call) {
    String before = call.query("pageBefore");
    String after = call.query("pageAfter");
    if (before != null && after != null) {
      throw invalidField("Invalid entity.", "pageBefore", "pageBefore and pageAfter cannot be combined", before);
    }
    int size = call.query("pageSize") == null ? 50 : Integer.parseInt(call.query("pageSize"));
    String account = call.query("accountId");
    Instant from = call.query("from") == null ? null : Instant.parse(call.query("from"));
    Instant to = call.query("to") == null ? null : Instant.parse(call.query("to"));
    synchronized (engine) {
      String me = entity(call).id();
      List<AccountTransfer> newestFirst = new ArrayList<>();
      for (int i = transfers.size() - 1; i >= 0; i--) {
        AccountTransfer t = transfers.get(i);
        if (!me.equals(t.owner())) {
          continue;
        }
        if (account != null && !account.equals(t.sourceId()) && !account.equals(t.destinationId())) {
          continue;
        }
        // compared at the millisecond precision the API shows
        Instant created = t.created().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if ((from != null && created.isBefore(from)) || (to != null && created.isAfter(to))) {
          continue;
        }
        newestFirst.add(t);
      }
      Pages.Page<AccountTransfer> page = Pages.page(newestFirst, AccountTransfer::id, before, after, size);
      ObjectNode out = Json.object();
      ArrayNode data = out.putArray("data");
      if (page != null) {
        page.items().forEach(t -> data.add(t.json()));
      }
      return new Reply(200, out);
    }
  }

  // ------------------------------------------------------------------------------------------ payouts

  private Reply createPayout(Call call) {
    JsonNode body = call.json();
    String h = "Invalid entity.";
    Entity e = entity(call);
    String key = body.path("idempotencyKey").asText();
    requireUuid(h, "idempotencyKey", key);
    synchronized (engine) {
      Idem previous = idempotency.get(e.id() + "/payout/" + key);
      if (previous != null) {
        if (previous.sameRequest(body)) {
          return envelope(201, payoutsById.get(previous.resultId()));
        }
        throw Errors.circle(409, 1083, "Idempotency key already bound to other request");
      }
      String purpose = Json.str(body, "purposeOfTransfer");
      if (purpose == null && e.purposeRequired()) {
        throw Errors.circle(400, 5020, "purposeOfTransfer is required for " + e.type() + " entities.");
      }
      String currency = body.path("amount").path("currency").asText();
      if (!PAYOUT_CURRENCIES.contains(currency)) {
        throw Errors.circle(400, 5007, "Unsupported currency " + currency + ": payouts are sent in USD or EUR.");
      }
      if (body.has("toAmount") && !currency.equals(body.path("toAmount").path("currency").asText())) {
        throw Errors.circle(400, 5007, "Unsupported currency pair: supported pairs are USD to USD and EUR to EUR.");
      }
      BigDecimal amount;
      try {
        amount = positiveAmount(h, "amount.amount", body.path("amount").path("amount").asText(null), 2);
      } catch (ApiError invalid) {
        throw Errors.circle(400, 5002, "Invalid amount: " + body.path("amount").path("amount").asText());
      }
      String walletId = body.has("source") ? body.path("source").path("id").asText() : e.defaultWallet();
      if (walletId == null || !e.id().equals(owners.get("wallet:" + walletId))) {
        throw Errors.circle(404, 5005, "Source wallet not found.");
      }
      AddressBookEntry dest = addressBook.get(body.path("destination").path("id").asText());
      if (dest == null || !dest.entity().equals(e.id())) {
        throw Errors.circle(404, 5004, "Destination address not found.");
      }
      if (!dest.active()) {
        throw Errors.circle(400, 5003, "Destination address is inactive.");
      }
      BigDecimal networkFee = networkFee(dest.chain());
      BigDecimal total = amount.add(PAYOUT_FEE).add(networkFee);
      String wallet = "wallet:" + walletId;
      if (!book.covers(wallet, currency, total)) {
        throw Errors.circle(400, 1093, "Source account has insufficient funds");
      }
      book.move(wallet, Book.IN_FLIGHT, currency, total);
      String now = Json.iso(engine.now());
      ObjectNode p = Json.object();
      String id = UUID.randomUUID().toString();
      p.put("id", id);
      p.put("sourceWalletId", walletId);
      ObjectNode d = p.putObject("destination");
      d.put("type", "address_book");
      d.put("id", dest.id());
      p.set("amount", Json.money(amount, currency));
      p.set("toAmount", Json.money(amount, currency));
      p.set("fees", Json.money(PAYOUT_FEE, currency));
      p.set("networkFees", Json.money(networkFee, currency));
      if (purpose != null) {
        p.put("purposeOfTransfer", purpose);
      }
      p.put("status", "pending");
      p.put("createDate", now);
      p.put("updateDate", now);
      payouts.add(p);
      payoutsById.put(id, p);
      payoutOwner.put(id, e.id());
      payoutChain.put(id, dest.chain());
      idempotency.put(e.id() + "/payout/" + key, Idem.ofBody(call.rawBody, id));
      engine.scheduler.at(engine.now().plus(PAYOUT_SETTLEMENT), due -> settlePayout(p, dest, wallet, due));
      return envelope(201, p);
    }
  }

  static BigDecimal networkFee(String chain) {
    return chain.equals("ETH") ? new BigDecimal("0.14") : new BigDecimal("0.01");
  }

  private void settlePayout(ObjectNode p, AddressBookEntry dest, String wallet, Instant due) {
    String currency = p.path("amount").path("currency").asText();
    BigDecimal amount = Json.decimal(p.path("amount").path("amount").asText());
    BigDecimal fee = Json.decimal(p.path("fees").path("amount").asText());
    BigDecimal network = Json.decimal(p.path("networkFees").path("amount").asText());
    if (dest.denied()) {
      book.move(Book.IN_FLIGHT, wallet, currency, amount.add(fee).add(network));
      p.put("status", "failed");
      p.put("errorCode", "transaction_denied");
      ObjectNode risk = p.putObject("riskEvaluation");
      risk.put("decision", "denied");
      risk.put("reason", "4000");
    } else {
      book.move(Book.IN_FLIGHT, Book.EXTERNAL, currency, amount);
      book.move(Book.IN_FLIGHT, Book.FEES, currency, fee.add(network));
      p.put("status", "complete");
    }
    p.put("updateDate", Json.iso(due));
  }

  private Reply getPayout(Call call) {
    synchronized (engine) {
      String id = call.pathParam("id");
      if (!entity(call).id().equals(payoutOwner.get(id))) {
        throw Errors.circle(404, 5001, "Payout not found.");
      }
      return envelope(200, payoutsById.get(id));
    }
  }

  private Reply listPayouts(Call call) {
    String before = call.query("pageBefore");
    String after = call.query("pageAfter");
    if (before != null && after != null) {
      throw invalidField("Invalid entity.", "pageBefore", "pageBefore and pageAfter cannot be combined", before);
    }
    int size = call.query("pageSize") == null ? 50 : Integer.parseInt(call.query("pageSize"));
    List<String> statuses = call.query.getOrDefault("status", List.of());
    Instant from = call.query("from") == null ? null : Instant.parse(call.query("from"));
    Instant to = call.query("to") == null ? null : Instant.parse(call.query("to"));
    synchronized (engine) {
      String me = entity(call).id();
      List<ObjectNode> newestFirst = new ArrayList<>();
      for (int i = payouts.size() - 1; i >= 0; i--) {
        ObjectNode p = payouts.get(i);
        String id = p.get("id").asText();
        Instant created = Instant.parse(p.get("createDate").asText());
        boolean keep = me.equals(payoutOwner.get(id))
            && (call.query("source") == null || call.query("source").equals(p.path("sourceWalletId").asText()))
            && (call.query("destination") == null
                || call.query("destination").equals(p.path("destination").path("id").asText()))
            && (statuses.isEmpty() || statuses.contains(p.path("status").asText()))
            && (call.query("sourceCurrency") == null
                || call.query("sourceCurrency").equals(p.path("amount").path("currency").asText()))
            && (call.query("destinationCurrency") == null
                || call.query("destinationCurrency").equals(p.path("toAmount").path("currency").asText()))
            && (call.query("chain") == null || call.query("chain").equals(payoutChain.get(id)))
            && (from == null || !created.isBefore(from))
            && (to == null || !created.isAfter(to));
        if (keep) {
          newestFirst.add(p);
        }
      }
      Pages.Page<ObjectNode> page = Pages.page(newestFirst, p -> p.get("id").asText(), before, after, size);
      ObjectNode out = Json.object();
      ArrayNode data = out.putArray("data");
      if (page != null) {
        page.items().forEach(data::add);
      }
      return new Reply(200, out);
    }
  }

  // ------------------------------------------------------------------------------------------ W3S users & tokens

  private ObjectNode userJson(User u) {
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

  private Reply createUser(Call call) {
    String userId = call.json().path("userId").asText();
    Entity e = entity(call);
    synchronized (engine) {
      if (users.containsKey(e.id() + "/" + userId)) {
        throw Errors.circle(409, 155101, "Existing user already created with the provided userId.");
      }
      User u = new User(e.id(), userId, engine.now(), "UNSET");
      users.put(e.id() + "/" + userId, u);
      return envelope(201, userJson(u));
    }
  }

  private Reply getUserToken(Call call) {
    String userId = call.json().path("userId").asText();
    Entity e = entity(call);
    synchronized (engine) {
      User u = users.get(e.id() + "/" + userId);
      if (u == null) {
        throw Errors.circle(404, 155102, "Cannot find the user with the given userId.");
      }
      long iat = engine.now().getEpochSecond();
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

  private byte[] hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(tokenSecret, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** The user the X-User-Token belongs to, or the documented 403. */
  private User user(Call call) {
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
    if (engine.now().getEpochSecond() >= claims.path("exp").asLong()) {
      throw Errors.circle(403, 155104, "The userToken has expired: request a new one with POST /v1/w3s/users/token.");
    }
    User u = users.get(entity(call).id() + "/" + claims.path("sub").asText());
    if (u == null) {
      throw invalid;
    }
    return u;
  }

  // ------------------------------------------------------------------------------------------ W3S wallets

  private ObjectNode walletJson(Wallet w) {
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

  private List<Wallet> walletsOf(User u) {
    List<Wallet> list = new ArrayList<>();
    for (Wallet w : wallets.values()) {
      if (w.entity.equals(u.entity) && w.userId.equals(u.id)) {
        list.add(w);
      }
    }
    return list;
  }

  private Reply listWallets(Call call) {
    synchronized (engine) {
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

  private <T> Pages.Page<T> w3sPage(Call call, List<T> list, java.util.function.Function<T, String> id) {
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

  private <T> Reply link(Reply reply, Call call, Pages.Page<T> page, java.util.function.Function<T, String> id) {
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

  private Wallet userWallet(User u, String walletId) {
    Wallet w = wallets.get(walletId);
    if (w == null || !w.entity.equals(u.entity) || !w.userId.equals(u.id)) {
      throw Errors.circle(404, 156001, "Cannot find the wallet.");
    }
    return w;
  }

  private ObjectNode tokenJson(Token t) {
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

  private Reply listWalletBalance(Call call) {
    synchronized (engine) {
      User u = user(call);
      Wallet w = userWallet(u, call.pathParam("id"));
      boolean includeAll = "true".equals(call.query("includeAll"));
      ObjectNode data = Json.object();
      ArrayNode arr = data.putArray("tokenBalances");
      book.balances("w3s:" + w.id).forEach((tokenId, amount) -> {
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

  // ------------------------------------------------------------------------------------------ W3S transfers

  private Token resolveToken(JsonNode r) {
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

  static boolean validAddress(String blockchain, String address) {
    if (blockchain.startsWith("SOL")) {
      return BASE58_ADDRESS.matcher(address).matches();
    }
    if (blockchain.startsWith("NEAR") || blockchain.startsWith("APTOS")) {
      return !address.isBlank();
    }
    return EVM_ADDRESS.matcher(address).matches();
  }

  private Reply createTransferChallenge(Call call) {
    JsonNode r = call.json();
    Entity e = entity(call);
    synchronized (engine) {
      User u = user(call);
      String key = e.id() + "/" + r.path("idempotencyKey").asText();
      ObjectNode comparable = ((ObjectNode) r.deepCopy());
      comparable.remove("userId");
      Idem previous = challengeIdempotency.get(key);
      if (previous != null) {
        if (previous.sameRequest(comparable)) {
          return envelope(200, Json.object().put("challengeId", previous.resultId()));
        }
        throw Errors.circle(403, 156020, "Please use a new idempotency key.");
      }
      Wallet w = userWallet(u, r.path("walletId").asText());
      boolean feeLevel = r.hasNonNull("feeLevel");
      boolean explicitFees = r.hasNonNull("gasPrice") || r.hasNonNull("priorityFee") || r.hasNonNull("maxFee");
      if (feeLevel && explicitFees) {
        throw Errors.circle(400, 155234, "feeLevel cannot be combined with gasPrice, priorityFee or maxFee.");
      }
      if (!feeLevel && !r.hasNonNull("gasLimit")) {
        throw Errors.circle(400, 155231, "Give feeLevel, or gasLimit with explicit fee parameters.");
      }
      Token t = resolveToken(r);
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
      if (!book.covers("w3s:" + w.id, t.id(), amount)) {
        throw Errors.circle(400, 155201, "Not enough funds to fulfill the withdraw request.");
      }
      Challenge c = new Challenge(e.id(), u.id, r.deepCopy());
      challenges.put(c.id, c);
      challengeIdempotency.put(key, new Idem(comparable, c.id));
      return envelope(201, Json.object().put("challengeId", c.id));
    }
  }

  private void scheduleStep(Tx tx, Instant at) {
    engine.scheduler.at(at, due -> step(tx, due));
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
          book.move(Book.IN_FLIGHT, holder, tx.token.id(), tx.amount);
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
          book.move(Book.IN_FLIGHT, holder, tx.token.id(), tx.amount);
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
        for (Wallet w : wallets.values()) {
          if (w.address.equalsIgnoreCase(tx.destination) && w.blockchain.equals(tx.wallet.blockchain)) {
            receiver = w;
          }
        }
        if (receiver != null) {
          book.move(Book.IN_FLIGHT, "w3s:" + receiver.id, tx.token.id(), tx.amount);
          receiver.updated = due;
        } else {
          book.move(Book.IN_FLIGHT, Book.EXTERNAL, tx.token.id(), tx.amount);
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
    synchronized (engine) {
      User u = user(call);
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
      Pages.Page<Tx> page = w3sPage(call, list, tx -> tx.id);
      ObjectNode data = Json.object();
      ArrayNode arr = data.putArray("transactions");
      boolean withFees = call.query("txType") != null;
      page.items().forEach(tx -> arr.add(txJson(tx, withFees)));
      return link(envelope(200, data), call, page, tx -> tx.id);
    }
  }

  private Reply getTransaction(Call call) {
    synchronized (engine) {
      User u = user(call);
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
      headers.put("X-Circle-Key-Id", engine.notificationKeyId);
      engine.webhooks.enqueue("circle", "transactions.outbound " + tx.state, s.endpoint(), body, headers);
    }
  }

  private String sign(byte[] body) {
    try {
      Signature s = Signature.getInstance("SHA256withECDSA");
      s.initSign(engine.notificationKeys.getPrivate());
      s.update(body);
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
  }

  private Reply getNotificationPublicKey(Call call) {
    if (!engine.notificationKeyId.equals(call.pathParam("id"))) {
      throw Errors.circle(404, 404, "Not found.");
    }
    ObjectNode data = Json.object();
    data.put("id", engine.notificationKeyId);
    data.put("algorithm", "ECDSA_SHA_256");
    data.put("publicKey", Base64.getEncoder().encodeToString(engine.notificationKeys.getPublic().getEncoded()));
    data.put("createDate", Json.iso(engine.notificationKeyCreated));
    return envelope(200, data);
  }

  // ------------------------------------------------------------------------------------------ helpers

  private static Reply envelope(int status, JsonNode data) {
    ObjectNode out = Json.object();
    out.set("data", data);
    return new Reply(status, out);
  }

  static String randomHex(int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append("0123456789abcdef".charAt(RANDOM.nextInt(16)));
    }
    return b.toString();
  }

  static String randomBase58(int length) {
    String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
