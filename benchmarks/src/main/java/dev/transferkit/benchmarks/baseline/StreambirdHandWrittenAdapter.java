package dev.transferkit.benchmarks.baseline;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * A control for the JSON benchmark, not a way to read Streambird: the least work a Moshi adapter
 * can do for {@link StreambirdBaseline.Transfer}. The same reader and writer calls as the generated
 * adapter ({@code selectName} over a {@code JsonReader.Options}, one {@code switch}, fields set
 * directly), with none of its checks (token types, required and null properties, the amount
 * grammar, enum values, explicit nulls kept per property): reflective Moshi's work, without
 * reflection.
 *
 * <p>It answers one question: on a given JVM, how fast can any adapter built on Moshi's {@code
 * JsonReader}/{@code JsonWriter} be on this payload? If this control is no faster than Moshi's
 * reflective adapter, no generated adapter on Moshi can be either, whatever it leaves out; the rest
 * is the reader and the writer, which both paths share.
 */
public final class StreambirdHandWrittenAdapter extends JsonAdapter<StreambirdBaseline.Transfer> {
  private static final JsonReader.Options NAMES =
      JsonReader.Options.of(
          "id",
          "app_id",
          "user_id",
          "status",
          "source",
          "source_amount",
          "dest",
          "dest_amount",
          "dest_currency",
          "source_currency",
          "custom_id",
          "total_fees",
          "notes",
          "blockchain_tx_hash",
          "completed_at",
          "cancelled_at",
          "expires_at",
          "created_at",
          "updated_at");

  @Override
  public StreambirdBaseline.Transfer fromJson(JsonReader reader) throws IOException {
    StreambirdBaseline.Transfer t = new StreambirdBaseline.Transfer();
    reader.beginObject();
    while (reader.hasNext()) {
      int index = reader.selectName(NAMES);
      if (index >= 0 && reader.peek() == JsonReader.Token.NULL) {
        reader.nextNull();
        continue;
      }
      switch (index) {
        case 0:
          t.id = reader.nextString();
          break;
        case 1:
          t.appId = reader.nextString();
          break;
        case 2:
          t.userId = reader.nextString();
          break;
        case 3:
          t.status = reader.nextString();
          break;
        case 4:
          t.source = reader.nextString();
          break;
        case 5:
          t.sourceAmount = new BigDecimal(reader.nextString());
          break;
        case 6:
          t.dest = reader.nextString();
          break;
        case 7:
          t.destAmount = new BigDecimal(reader.nextString());
          break;
        case 8:
          t.destCurrency = reader.nextString();
          break;
        case 9:
          t.sourceCurrency = reader.nextString();
          break;
        case 10:
          t.customId = reader.nextString();
          break;
        case 11:
          t.totalFees = new BigDecimal(reader.nextString());
          break;
        case 12:
          t.notes = reader.nextString();
          break;
        case 13:
          t.blockchainTxHash = reader.nextString();
          break;
        case 14:
          t.completedAt = reader.nextLong();
          break;
        case 15:
          t.cancelledAt = reader.nextLong();
          break;
        case 16:
          t.expiresAt = reader.nextLong();
          break;
        case 17:
          t.createdAt = reader.nextLong();
          break;
        case 18:
          t.updatedAt = reader.nextLong();
          break;
        default:
          reader.skipName();
          reader.skipValue();
      }
    }
    reader.endObject();
    return t;
  }

  @Override
  public void toJson(JsonWriter writer, StreambirdBaseline.Transfer t) throws IOException {
    // Nulls are written, as the reflective baseline writes them (serializeNulls).
    writer.beginObject();
    writer.name("id").value(t.id);
    writer.name("app_id").value(t.appId);
    writer.name("user_id").value(t.userId);
    writer.name("status").value(t.status);
    writer.name("source").value(t.source);
    writer.name("source_amount").value(plain(t.sourceAmount));
    writer.name("dest").value(t.dest);
    writer.name("dest_amount").value(plain(t.destAmount));
    writer.name("dest_currency").value(t.destCurrency);
    writer.name("source_currency").value(t.sourceCurrency);
    writer.name("custom_id").value(t.customId);
    writer.name("total_fees").value(plain(t.totalFees));
    writer.name("notes").value(t.notes);
    writer.name("blockchain_tx_hash").value(t.blockchainTxHash);
    writeLong(writer.name("completed_at"), t.completedAt);
    writeLong(writer.name("cancelled_at"), t.cancelledAt);
    writeLong(writer.name("expires_at"), t.expiresAt);
    writeLong(writer.name("created_at"), t.createdAt);
    writeLong(writer.name("updated_at"), t.updatedAt);
    writer.endObject();
  }

  private static void writeLong(JsonWriter writer, Long value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else {
      writer.value(value.longValue());
    }
  }

  private static String plain(BigDecimal amount) {
    return amount == null ? null : amount.toPlainString();
  }
}
