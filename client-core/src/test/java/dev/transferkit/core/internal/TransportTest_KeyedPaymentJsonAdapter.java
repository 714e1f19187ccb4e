package dev.transferkit.core.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The adapter of {@link TransportTest.KeyedPayment}, named and placed as codegen places a generated
 * model's adapter ({@code Types.generatedJsonAdapterName}), so Moshi finds it and wraps it as it
 * wraps the generated ones.
 */
final class TransportTest_KeyedPaymentJsonAdapter extends JsonAdapter<TransportTest.KeyedPayment>
    implements RuntimeKeyed<TransportTest.KeyedPayment> {
  private final JsonAdapter<Map<String, Object>> map =
      new Moshi.Builder()
          .build()
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  @Override
  public TransportTest.KeyedPayment fromJson(JsonReader reader) throws java.io.IOException {
    return new TransportTest.KeyedPayment(map.fromJson(reader));
  }

  @Override
  public void toJson(JsonWriter writer, TransportTest.KeyedPayment value)
      throws java.io.IOException {
    map.toJson(writer, value.fields);
  }

  @Override
  public String runtimeKeyField() {
    return "idempotencyKey";
  }

  @Override
  public String runtimeKey(TransportTest.KeyedPayment value) {
    return (String) value.fields.get("idempotencyKey");
  }

  @Override
  public TransportTest.KeyedPayment withRuntimeKey(TransportTest.KeyedPayment value, String key) {
    Map<String, Object> copy = new LinkedHashMap<>(value.fields);
    copy.put("idempotencyKey", key);
    return new TransportTest.KeyedPayment(copy);
  }
}
