package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.Circle.entity;
import static dev.transferkit.sandbox.Circle.envelope;
import static dev.transferkit.sandbox.Circle.invalidField;
import static dev.transferkit.sandbox.Circle.location;
import static dev.transferkit.sandbox.Circle.positiveAmount;
import static dev.transferkit.sandbox.Circle.requireUuid;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_DESTINATION_ACCOUNT;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_OTHER_ACCOUNT;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_SOURCE_ACCOUNT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.transferkit.sandbox.Circle.Entity;
import dev.transferkit.sandbox.Circle.Idem;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Circle Digital Asset Accounts: balances and transfers between accounts. Guarded by the engine
 * monitor.
 */
final class CircleAccounts {
  private final Circle circle;

  // Digital Asset Accounts
  private final List<AccountTransfer> transfers = new ArrayList<>(); // oldest first
  private final Map<String, AccountTransfer> transfersById = new HashMap<>();

  /**
   * One account transfer as the sandbox keeps it: the fields, not a JSON tree (a tree of it takes
   * about 2 KB, ten times this; under a load test that creates hundreds of thousands, that retained
   * state is what GC pauses copy).
   */
  record AccountTransfer(
      String id,
      String owner,
      BigDecimal amount,
      String currency,
      String sourceId,
      String destinationId,
      Instant created) {
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

  private Reply getAccountBalances(Call call) {
    synchronized (circle.engine) {
      String holder = "account:" + call.pathParam("accountId");
      if (!entity(call).id().equals(circle.owners.get(holder))) {
        throw Errors.circle(404, 404, "Account " + call.pathParam("accountId") + " not found.");
      }
      ObjectNode data = Json.object();
      data.set("available", circle.balancesJson(holder));
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
    synchronized (circle.engine) {
      Idem previous = circle.idempotency.get(e.id() + "/" + key);
      if (previous != null) {
        if (previous.sameRequest(body)) {
          return envelope(200, transfersById.get(previous.resultId()).json());
        }
        throw Errors.circle(409, 1083, "Idempotency key already bound to other request");
      }
      JsonNode source = body.path("source");
      JsonNode destination = body.path("destination");
      if (!"account".equals(source.path("type").asText())) {
        throw Errors.circle(
            400, 1088, "Invalid source account: the source of an account transfer is an account.");
      }
      if (!source.hasNonNull("id")) {
        throw Errors.circleInvalid(
            h,
            List.of(
                new Errors.Problem("required", "source.id", "source.id may not be null", "null")));
      }
      String currency = body.path("amount").path("currency").asText();
      BigDecimal amount =
          positiveAmount(h, "amount.amount", body.path("amount").path("amount").asText(null), 2);
      String from = "account:" + source.get("id").asText();
      if (!e.id().equals(circle.owners.get(from))) {
        throw Errors.circle(404, 1089, "Source account not found.");
      }
      if (!"account".equals(destination.path("type").asText()) || !destination.hasNonNull("id")) {
        throw Errors.circle(
            400,
            2007,
            "Unsupported transfer: the sandbox moves funds between accounts of the same"
                + " program only (destination type account with an id).");
      }
      String to = "account:" + destination.get("id").asText();
      if (!e.id().equals(circle.owners.get(to))) {
        throw Errors.circle(
            400,
            2007,
            "Unsupported transfer: destination account is not an account of the same program.");
      }
      if (from.equals(to)) {
        throw Errors.circle(
            400, 2007, "Unsupported transfer: source and destination are the same account.");
      }
      if (!circle.book.covers(from, currency, amount)) {
        throw Errors.circle(400, 1093, "Source account has insufficient funds");
      }
      circle.book.move(from, to, currency, amount);
      AccountTransfer t =
          new AccountTransfer(
              UUID.randomUUID().toString(),
              e.id(),
              amount,
              currency,
              source.get("id").asText(),
              destination.get("id").asText(),
              circle.engine.now());
      String id = t.id();
      transfers.add(t);
      transfersById.put(id, t);
      circle.idempotency.put(e.id() + "/" + key, Idem.ofBody(call.rawBody, id));
      return envelope(201, t.json());
    }
  }

  private Reply getAccountTransfer(Call call) {
    synchronized (circle.engine) {
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
      throw invalidField(
          "Invalid entity.", "pageBefore", "pageBefore and pageAfter cannot be combined", before);
    }
    int size = call.query("pageSize") == null ? 50 : Integer.parseInt(call.query("pageSize"));
    String account = call.query("accountId");
    Circle.Period period = Circle.period(call);
    Instant from = period.from();
    Instant to = period.to();
    synchronized (circle.engine) {
      String me = entity(call).id();
      List<AccountTransfer> newestFirst = new ArrayList<>();
      for (int i = transfers.size() - 1; i >= 0; i--) {
        AccountTransfer t = transfers.get(i);
        if (!me.equals(t.owner())) {
          continue;
        }
        if (account != null
            && !account.equals(t.sourceId())
            && !account.equals(t.destinationId())) {
          continue;
        }
        // compared at the millisecond precision the API shows
        Instant created = t.created().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if ((from != null && created.isBefore(from)) || (to != null && created.isAfter(to))) {
          continue;
        }
        newestFirst.add(t);
      }
      Pages.Page<AccountTransfer> page =
          Pages.page(newestFirst, AccountTransfer::id, before, after, size);
      ObjectNode out = Json.object();
      ArrayNode data = out.putArray("data");
      if (page != null) {
        page.items().forEach(t -> data.add(t.json()));
      }
      return new Reply(200, out);
    }
  }

  CircleAccounts(Circle circle) {
    this.circle = circle;
  }

  void register(CircleApi api) {
    api.on("getAccountBalances", this::getAccountBalances);
    api.on("createAccountTransfer", this::createAccountTransfer);
    api.on("listAccountTransfers", this::listAccountTransfers);
    api.on("getAccountTransfer", this::getAccountTransfer);
  }

  void admin(AdminApi admin) {
    admin.route(
        "POST",
        "circle/accounts",
        "{id?, apiKey?, balances: [{amount, currency}]}",
        true,
        (p, b) -> circle.adminCreateHolder("account", b));
    admin.route(
        "PUT",
        "circle/accounts/{id}/balance",
        "{amount, currency}",
        true,
        (p, b) -> circle.adminSetBalance("account", p.get("id"), b));
  }

  void reset() {
    transfers.clear();
    transfersById.clear();
    circle.addHolder(
        "account", CIRCLE_SOURCE_ACCOUNT, "entity-1", Map.of("USD", new BigDecimal("10000.00")));
    circle.addHolder(
        "account", CIRCLE_DESTINATION_ACCOUNT, "entity-1", Map.of("USD", new BigDecimal("0.00")));
    circle.addHolder(
        "account", CIRCLE_OTHER_ACCOUNT, "entity-2", Map.of("USD", new BigDecimal("500.00")));
  }

  void ledger(ObjectNode out) {
    ArrayNode t = out.putArray("transfers");
    transfers.forEach(x -> t.add(x.json()));
  }
}
