package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.Circle.UUID_TEXT;
import static dev.transferkit.sandbox.Circle.entity;
import static dev.transferkit.sandbox.Circle.envelope;
import static dev.transferkit.sandbox.Circle.invalidField;
import static dev.transferkit.sandbox.Circle.positiveAmount;
import static dev.transferkit.sandbox.Circle.requireUuid;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_ADDRESS_BOOK_ID;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_DENIED_ADDRESS_BOOK_ID;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_PAYOUT_WALLET;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_SG_ADDRESS_BOOK_ID;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_SG_PAYOUT_WALLET;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.transferkit.sandbox.Circle.Entity;
import dev.transferkit.sandbox.Circle.Idem;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Circle crypto payouts from a payout wallet to address-book recipients. Guarded by the engine
 * monitor.
 */
final class CirclePayouts {
  private final Circle circle;

  /**
   * Time from a pending payout to its outcome (complete, or failed when risk screening denies it).
   */
  static final Duration PAYOUT_SETTLEMENT = Duration.ofSeconds(60);

  static final BigDecimal PAYOUT_FEE = new BigDecimal("0.50");

  // Payouts
  record AddressBookEntry(
      String id, String entity, String chain, String address, boolean denied, boolean active) {}

  private final Map<String, AddressBookEntry> addressBook = new LinkedHashMap<>();

  private final List<ObjectNode> payouts = new ArrayList<>();

  private final Map<String, ObjectNode> payoutsById = new HashMap<>();

  private final Map<String, String> payoutOwner = new HashMap<>();

  private final Map<String, String> payoutChain = new HashMap<>();

  ObjectNode adminCreateAddressBookEntry(JsonNode body) {
    Entity e = circle.adminEntity(body);
    String id = Objects.requireNonNullElse(Json.str(body, "id"), UUID.randomUUID().toString());
    if (!UUID_TEXT.matcher(id).matches()) {
      throw new IllegalArgumentException("address-circle.book ids are UUIDs");
    }
    AddressBookEntry entry =
        new AddressBookEntry(
            id,
            e.id(),
            Objects.requireNonNullElse(Json.str(body, "chain"), "ETH"),
            Objects.requireNonNullElse(Json.str(body, "address"), "0x" + "ab".repeat(20)),
            body.path("denied").asBoolean(false),
            body.path("active").asBoolean(true));
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

  // ------------------------------------------------------------------------------------------
  // payouts

  private Reply createPayout(Call call) {
    JsonNode body = call.json();
    String h = "Invalid entity.";
    Entity e = entity(call);
    String key = body.path("idempotencyKey").asText();
    requireUuid(h, "idempotencyKey", key);
    synchronized (circle.engine) {
      Idem previous = circle.idempotency.get(e.id() + "/payout/" + key);
      if (previous != null) {
        if (previous.sameRequest(body)) {
          return envelope(201, payoutsById.get(previous.resultId()));
        }
        throw Errors.circle(409, 1083, "Idempotency key already bound to other request");
      }
      String purpose = Json.str(body, "purposeOfTransfer");
      if (purpose == null && e.purposeRequired()) {
        throw Errors.circle(
            400, 5020, "purposeOfTransfer is required for " + e.type() + " circle.entities.");
      }
      // USD or EUR only: the spec's RequestCurrency (circle/common.yaml), checked with the rest of
      // the request
      // before this runs.
      String currency = body.path("amount").path("currency").asText();
      if (body.has("toAmount")
          && !currency.equals(body.path("toAmount").path("currency").asText())) {
        throw Errors.circle(
            400, 5007, "Unsupported currency pair: supported pairs are USD to USD and EUR to EUR.");
      }
      BigDecimal amount;
      try {
        amount =
            positiveAmount(h, "amount.amount", body.path("amount").path("amount").asText(null), 2);
      } catch (ApiError invalid) {
        throw Errors.circle(
            400, 5002, "Invalid amount: " + body.path("amount").path("amount").asText());
      }
      String walletId =
          body.has("source") ? body.path("source").path("id").asText() : e.defaultWallet();
      if (walletId == null || !e.id().equals(circle.owners.get("wallet:" + walletId))) {
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
      if (!circle.book.covers(wallet, currency, total)) {
        throw Errors.circle(400, 1093, "Source account has insufficient funds");
      }
      circle.book.move(wallet, Book.IN_FLIGHT, currency, total);
      String now = Json.iso(circle.engine.now());
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
      circle.idempotency.put(e.id() + "/payout/" + key, Idem.ofBody(call.rawBody, id));
      circle.engine.scheduler.at(
          circle.engine.now().plus(PAYOUT_SETTLEMENT), due -> settlePayout(p, dest, wallet, due));
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
      circle.book.move(Book.IN_FLIGHT, wallet, currency, amount.add(fee).add(network));
      p.put("status", "failed");
      p.put("errorCode", "transaction_denied");
      ObjectNode risk = p.putObject("riskEvaluation");
      risk.put("decision", "denied");
      risk.put("reason", "4000");
    } else {
      circle.book.move(Book.IN_FLIGHT, Book.EXTERNAL, currency, amount);
      circle.book.move(Book.IN_FLIGHT, Book.FEES, currency, fee.add(network));
      p.put("status", "complete");
    }
    p.put("updateDate", Json.iso(due));
  }

  private Reply getPayout(Call call) {
    synchronized (circle.engine) {
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
      throw invalidField(
          "Invalid entity.", "pageBefore", "pageBefore and pageAfter cannot be combined", before);
    }
    int size = call.query("pageSize") == null ? 50 : Integer.parseInt(call.query("pageSize"));
    List<String> statuses = call.query.getOrDefault("status", List.of());
    Circle.Period period = Circle.period(call);
    Instant from = period.from();
    Instant to = period.to();
    synchronized (circle.engine) {
      String me = entity(call).id();
      List<ObjectNode> newestFirst = new ArrayList<>();
      for (int i = payouts.size() - 1; i >= 0; i--) {
        ObjectNode p = payouts.get(i);
        String id = p.get("id").asText();
        Instant created = Instant.parse(p.get("createDate").asText());
        boolean keep =
            me.equals(payoutOwner.get(id))
                && (call.query("source") == null
                    || call.query("source").equals(p.path("sourceWalletId").asText()))
                && (call.query("destination") == null
                    || call.query("destination").equals(p.path("destination").path("id").asText()))
                && (statuses.isEmpty() || statuses.contains(p.path("status").asText()))
                && (call.query("sourceCurrency") == null
                    || call.query("sourceCurrency")
                        .equals(p.path("amount").path("currency").asText()))
                && (call.query("destinationCurrency") == null
                    || call.query("destinationCurrency")
                        .equals(p.path("toAmount").path("currency").asText()))
                && (call.query("chain") == null || call.query("chain").equals(payoutChain.get(id)))
                && (from == null || !created.isBefore(from))
                && (to == null || !created.isAfter(to));
        if (keep) {
          newestFirst.add(p);
        }
      }
      Pages.Page<ObjectNode> page =
          Pages.page(newestFirst, p -> p.get("id").asText(), before, after, size);
      ObjectNode out = Json.object();
      ArrayNode data = out.putArray("data");
      if (page != null) {
        page.items().forEach(data::add);
      }
      return new Reply(200, out);
    }
  }

  CirclePayouts(Circle circle) {
    this.circle = circle;
  }

  void register(CircleApi api) {
    api.on("createPayout", this::createPayout);
    api.on("listPayouts", this::listPayouts);
    api.on("getPayout", this::getPayout);
  }

  void admin(AdminApi admin) {
    admin.route(
        "POST",
        "circle/wallets",
        "payout source wallet: {id?, apiKey?, balances}",
        true,
        (p, b) -> circle.adminCreateHolder("wallet", b));
    admin.route(
        "PUT",
        "circle/wallets/{id}/balance",
        "{amount, currency}",
        true,
        (p, b) -> circle.adminSetBalance("wallet", p.get("id"), b));
    admin.route(
        "POST",
        "circle/address-book",
        "{id?, apiKey?, chain?, address?, denied?, active?}",
        true,
        (p, b) -> adminCreateAddressBookEntry(b));
  }

  void reset() {
    addressBook.clear();
    payouts.clear();
    payoutsById.clear();
    payoutOwner.clear();
    payoutChain.clear();
    circle.addHolder(
        "wallet", CIRCLE_PAYOUT_WALLET, "entity-1", Map.of("USD", new BigDecimal("10000.00")));
    circle.addHolder(
        "wallet", CIRCLE_SG_PAYOUT_WALLET, "entity-sg", Map.of("USD", new BigDecimal("1000.00")));
    addressBook.put(
        CIRCLE_ADDRESS_BOOK_ID,
        new AddressBookEntry(
            CIRCLE_ADDRESS_BOOK_ID,
            "entity-1",
            "ETH",
            "0x6E5eAf34c73D1CD0be4e24f923b97CF38e10d1f3",
            false,
            true));
    addressBook.put(
        CIRCLE_DENIED_ADDRESS_BOOK_ID,
        new AddressBookEntry(
            CIRCLE_DENIED_ADDRESS_BOOK_ID,
            "entity-1",
            "ETH",
            "0xde11ed0000000000000000000000000000000002",
            true,
            true));
    addressBook.put(
        CIRCLE_SG_ADDRESS_BOOK_ID,
        new AddressBookEntry(
            CIRCLE_SG_ADDRESS_BOOK_ID,
            "entity-sg",
            "ETH",
            "0x5a00000000000000000000000000000000000001",
            false,
            true));
  }

  void ledger(ObjectNode out) {
    ArrayNode p = out.putArray("payouts");
    payouts.forEach(p::add);
  }
}
