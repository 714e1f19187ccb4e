package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.StreambirdApi.app;
import static dev.transferkit.sandbox.StreambirdApi.bad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.transferkit.sandbox.StreambirdModel.Transfer;
import dev.transferkit.sandbox.StreambirdModel.Wallet;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streambird transfers between managed wallets and to external addresses: fee calculation for
 * amount_includes_fees true and false, wallet-type / currency compatibility, XLM memo destinations,
 * the user_id ownership check, unconfirmed -> pending -> completed, expiry after 2 minutes. The
 * wallets and the book are {@link StreambirdApi}'s; every method runs under the engine's lock.
 */
final class StreambirdTransfers {
  static final Duration EXPIRY = Duration.ofMinutes(2);

  /** Time from pending (confirmed) to completed. */
  static final Duration SETTLEMENT = Duration.ofSeconds(30);

  /** The calling app's wallet by id, or the provider's 404. */
  interface AppWallets {
    Wallet of(Call call, String id);
  }

  private final Engine engine;
  private final Book book;
  private final AppWallets wallets;
  private final Collection<Wallet> allWallets;
  private final List<Transfer> transfers = new ArrayList<>();
  private final Map<String, Transfer> byId = new HashMap<>();

  StreambirdTransfers(Engine engine, Book book, AppWallets wallets, Collection<Wallet> allWallets) {
    this.engine = engine;
    this.book = book;
    this.wallets = wallets;
    this.allWallets = allWallets;
  }

  void clear() {
    transfers.clear();
    byId.clear();
  }

  /** Every transfer, oldest first, as the ledger lists them. */
  void describe(ArrayNode list) {
    transfers.forEach(t -> list.add(StreambirdModel.json(t)));
  }

  Reply create(Call call) {
    JsonNode body = call.json();
    synchronized (engine) {
      Wallet source = wallets.of(call, body.path("source").asText());
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
    for (Wallet w : allWallets) {
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

  Reply confirm(Call call) {
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

  Reply get(Call call) {
    synchronized (engine) {
      return new Reply(200, StreambirdModel.json(appTransfer(call, call.pathParam("transfer_id"))));
    }
  }

  Reply list(Call call) {
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
}
