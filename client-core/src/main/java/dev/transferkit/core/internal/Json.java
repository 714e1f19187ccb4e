package dev.transferkit.core.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.transferkit.core.Timestamp;
import java.math.BigDecimal;

/**
 * The Moshi configuration shared by every TransferKit client.
 *
 * <p>Generated models come with generated, reflection-free adapters; each client registers its
 * generated {@code JsonAdapters.FACTORY}. The returned {@link Moshi} instances are immutable and
 * thread-safe.
 */
public final class Json {
  private Json() {}

  /**
   * A Moshi that knows the core types ({@link Timestamp}, {@link BigDecimal} as an exact JSON
   * number, any JSON value with exact numbers for {@code Object}: {@link AnyJsonValue}) and the
   * given generated factories. Factories are consulted in order, before Moshi's built-in adapters.
   */
  public static Moshi moshi(JsonAdapter.Factory... generatedFactories) {
    Moshi.Builder builder = new Moshi.Builder();
    for (JsonAdapter.Factory factory : generatedFactories) {
      builder.add(factory);
    }
    return builder
        .add(Timestamp.class, JsonCodecs.TIMESTAMP.nullSafe())
        .add(BigDecimal.class, JsonCodecs.DECIMAL_NUMBER.nullSafe())
        .add(AnyJsonValue.FACTORY)
        .build();
  }
}
