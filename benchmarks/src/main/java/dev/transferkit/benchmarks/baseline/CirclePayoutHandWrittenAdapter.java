package dev.transferkit.benchmarks.baseline;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * A control for the JSON benchmark, as {@link StreambirdHandWrittenAdapter} is for Streambird: the
 * least work a Moshi adapter can do for {@link CircleBaseline.PayoutResponse} and the objects in
 * it. {@code selectName} over {@code JsonReader.Options}, fields set directly, the nested objects
 * read and written by static methods of this class (cheaper than the separate adapters Moshi calls
 * for them), and none of the generated adapters' checks. Absent and null properties are not
 * written, as the reflective baseline does not write them.
 */
public final class CirclePayoutHandWrittenAdapter
    extends JsonAdapter<CircleBaseline.PayoutResponse> {
  private static final JsonReader.Options RESPONSE = JsonReader.Options.of("data");
  private static final JsonReader.Options PAYOUT =
      JsonReader.Options.of(
          "id",
          "sourceWalletId",
          "destination",
          "amount",
          "toAmount",
          "fees",
          "networkFees",
          "purposeOfTransfer",
          "status",
          "errorCode",
          "riskEvaluation",
          "createDate",
          "updateDate");
  private static final JsonReader.Options MONEY = JsonReader.Options.of("amount", "currency");
  private static final JsonReader.Options DESTINATION = JsonReader.Options.of("type", "id");
  private static final JsonReader.Options RISK = JsonReader.Options.of("decision", "reason");

  @Override
  public CircleBaseline.PayoutResponse fromJson(JsonReader reader) throws IOException {
    CircleBaseline.PayoutResponse response = new CircleBaseline.PayoutResponse();
    reader.beginObject();
    while (reader.hasNext()) {
      if (reader.selectName(RESPONSE) == 0) {
        response.data = readPayout(reader);
      } else {
        reader.skipName();
        reader.skipValue();
      }
    }
    reader.endObject();
    return response;
  }

  private static CircleBaseline.Payout readPayout(JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    CircleBaseline.Payout p = new CircleBaseline.Payout();
    reader.beginObject();
    while (reader.hasNext()) {
      int index = reader.selectName(PAYOUT);
      if (index >= 0 && reader.peek() == JsonReader.Token.NULL) {
        reader.nextNull();
        continue;
      }
      switch (index) {
        case 0:
          p.id = reader.nextString();
          break;
        case 1:
          p.sourceWalletId = reader.nextString();
          break;
        case 2:
          p.destination = readDestination(reader);
          break;
        case 3:
          p.amount = readMoney(reader);
          break;
        case 4:
          p.toAmount = readMoney(reader);
          break;
        case 5:
          p.fees = readMoney(reader);
          break;
        case 6:
          p.networkFees = readMoney(reader);
          break;
        case 7:
          p.purposeOfTransfer = reader.nextString();
          break;
        case 8:
          p.status = reader.nextString();
          break;
        case 9:
          p.errorCode = reader.nextString();
          break;
        case 10:
          p.riskEvaluation = readRisk(reader);
          break;
        case 11:
          p.createDate = reader.nextString();
          break;
        case 12:
          p.updateDate = reader.nextString();
          break;
        default:
          reader.skipName();
          reader.skipValue();
      }
    }
    reader.endObject();
    return p;
  }

  private static CircleBaseline.Money readMoney(JsonReader reader) throws IOException {
    CircleBaseline.Money m = new CircleBaseline.Money();
    reader.beginObject();
    while (reader.hasNext()) {
      int index = reader.selectName(MONEY);
      if (index >= 0 && reader.peek() == JsonReader.Token.NULL) {
        reader.nextNull();
      } else if (index == 0) {
        m.amount = new BigDecimal(reader.nextString());
      } else if (index == 1) {
        m.currency = reader.nextString();
      } else {
        reader.skipName();
        reader.skipValue();
      }
    }
    reader.endObject();
    return m;
  }

  private static CircleBaseline.PayoutDestination readDestination(JsonReader reader)
      throws IOException {
    CircleBaseline.PayoutDestination d = new CircleBaseline.PayoutDestination();
    reader.beginObject();
    while (reader.hasNext()) {
      int index = reader.selectName(DESTINATION);
      if (index >= 0 && reader.peek() == JsonReader.Token.NULL) {
        reader.nextNull();
      } else if (index == 0) {
        d.type = reader.nextString();
      } else if (index == 1) {
        d.id = reader.nextString();
      } else {
        reader.skipName();
        reader.skipValue();
      }
    }
    reader.endObject();
    return d;
  }

  private static CircleBaseline.RiskEvaluation readRisk(JsonReader reader) throws IOException {
    CircleBaseline.RiskEvaluation r = new CircleBaseline.RiskEvaluation();
    reader.beginObject();
    while (reader.hasNext()) {
      int index = reader.selectName(RISK);
      if (index >= 0 && reader.peek() == JsonReader.Token.NULL) {
        reader.nextNull();
      } else if (index == 0) {
        r.decision = reader.nextString();
      } else if (index == 1) {
        r.reason = reader.nextString();
      } else {
        reader.skipName();
        reader.skipValue();
      }
    }
    reader.endObject();
    return r;
  }

  @Override
  public void toJson(JsonWriter writer, CircleBaseline.PayoutResponse response) throws IOException {
    writer.beginObject();
    CircleBaseline.Payout p = response.data;
    if (p != null) {
      writer.name("data").beginObject();
      writer.name("id").value(p.id);
      writer.name("sourceWalletId").value(p.sourceWalletId);
      if (p.destination != null) {
        writer.name("destination").beginObject();
        writer.name("type").value(p.destination.type);
        writer.name("id").value(p.destination.id);
        writer.endObject();
      }
      writeMoney(writer, "amount", p.amount);
      writeMoney(writer, "toAmount", p.toAmount);
      writeMoney(writer, "fees", p.fees);
      writeMoney(writer, "networkFees", p.networkFees);
      writer.name("purposeOfTransfer").value(p.purposeOfTransfer);
      writer.name("status").value(p.status);
      writer.name("errorCode").value(p.errorCode);
      if (p.riskEvaluation != null) {
        writer.name("riskEvaluation").beginObject();
        writer.name("decision").value(p.riskEvaluation.decision);
        writer.name("reason").value(p.riskEvaluation.reason);
        writer.endObject();
      }
      writer.name("createDate").value(p.createDate);
      writer.name("updateDate").value(p.updateDate);
      writer.endObject();
    }
    writer.endObject();
  }

  private static void writeMoney(JsonWriter writer, String name, CircleBaseline.Money m)
      throws IOException {
    if (m == null) {
      return;
    }
    writer.name(name).beginObject();
    writer.name("amount").value(m.amount == null ? null : m.amount.toPlainString());
    writer.name("currency").value(m.currency);
    writer.endObject();
  }
}
