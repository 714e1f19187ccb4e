package dev.transferkit.core.internal;

import com.squareup.moshi.Moshi;
import dev.transferkit.core.Timestamp;
import java.math.BigDecimal;

/**
 * The Moshi configuration shared by every TransferKit client.
 *
 * <p>Generated models need nothing registered: each is annotated {@code @JsonClass(generateAdapter
 * = true)} and has a generated, reflection-free {@code <Model>JsonAdapter} beside it, which any
 * {@link Moshi} finds by itself (amounts, timestamps and any-value properties are read exactly by
 * it). What this configuration adds is for values outside a model: {@link Timestamp}, {@link
 * BigDecimal} as an exact JSON number and {@code Object} as any JSON value with exact numbers
 * ({@link AnyJsonValue}), which Moshi alone reads as {@code double}. The returned {@link Moshi}
 * instances are immutable and thread-safe.
 */
public final class Json {
  private Json() {}

  /**
   * A Moshi that knows the core types ({@link Timestamp}, {@link BigDecimal} as an exact JSON
   * number, any JSON value with exact numbers for {@code Object}: {@link AnyJsonValue}); generated
   * models are found by Moshi itself.
   */
  public static Moshi moshi() {
    return new Moshi.Builder()
        .add(Timestamp.class, JsonCodecs.TIMESTAMP.nullSafe())
        .add(BigDecimal.class, JsonCodecs.DECIMAL_NUMBER.nullSafe())
        .add(AnyJsonValue.FACTORY)
        .build();
  }
}
