package dev.transferkit.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The Streambird simulation's state objects (apps, users, managed wallets, transfers) and their
 * JSON.
 */
final class StreambirdModel {
  private StreambirdModel() {}

  record App(String id, String apiKey) {}

  record User(String id, String app) {}

  static final class Wallet {
    final String id;
    final String app;
    final String userId;
    final String type;
    final String address;
    final Instant created;
    boolean isDefault;

    Wallet(String id, String app, String userId, String type, String address, Instant created) {
      this.id = id;
      this.app = app;
      this.userId = userId;
      this.type = type;
      this.address = address;
      this.created = created;
    }
  }

  static final class Transfer {
    String id;
    String app;
    Wallet source;
    String dest;
    Wallet destWallet;
    String currency;
    BigDecimal sourceAmount;
    BigDecimal destAmount;
    BigDecimal fees;
    String notes;
    String status = "unconfirmed";
    String txHash = "";
    Instant created;
    Instant updated;
    Instant expires;
    Instant completed;
  }

  static ObjectNode json(Wallet w) {
    ObjectNode o = Json.object();
    o.put("id", w.id);
    o.put("app_id", w.app);
    o.put("user_id", w.userId);
    o.put("public_address", w.address);
    o.put("wallet_type", w.type);
    o.put("verified", true);
    o.put("is_default", w.isDefault);
    o.put("is_read_only", false);
    o.put("is_imported", false);
    o.put("updated_at", w.created.getEpochSecond());
    o.put("created_at", w.created.getEpochSecond());
    return o;
  }

  static ObjectNode json(Transfer t) {
    ObjectNode o = Json.object();
    o.put("id", t.id);
    o.put("app_id", t.app);
    o.put("user_id", t.source.userId);
    o.put("status", t.status);
    o.put("source", t.source.id);
    o.put("source_amount", Json.plain(t.sourceAmount));
    o.put("dest", t.dest);
    o.put("dest_amount", Json.plain(t.destAmount));
    o.put("dest_currency", t.currency);
    o.put("source_currency", t.currency);
    o.putNull("custom_id");
    o.put("total_fees", Json.plain(t.fees));
    o.put("notes", t.notes == null ? "" : t.notes);
    o.put("blockchain_tx_hash", t.txHash);
    o.put("completed_at", t.completed == null ? 0 : t.completed.getEpochSecond());
    o.put("cancelled_at", 0);
    o.put("expires_at", t.expires.getEpochSecond());
    o.put("created_at", t.created.getEpochSecond());
    o.put("updated_at", t.updated.getEpochSecond());
    return o;
  }
}
