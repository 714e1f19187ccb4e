package dev.transferkit.core.testing;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Test helper: decodes a payload with a generated model, re-encodes it, and asserts the JSON is
 * unchanged.
 */
public final class RoundTrip {
  private RoundTrip() {}

  /** Reads a UTF-8 classpath resource of the calling test's class loader. */
  public static String resource(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("No test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Decodes {@code json} as {@code type}, re-encodes it and asserts equality; returns the decoded
   * value.
   */
  public static <T> T assertRoundTrip(Moshi moshi, Class<T> type, String json) {
    JsonAdapter<T> adapter = moshi.adapter(type);
    T value;
    try {
      value = adapter.fromJson(json);
    } catch (IOException e) {
      throw new AssertionError("Could not decode as " + type.getSimpleName() + ": " + e, e);
    }
    if (value == null) {
      throw new AssertionError("Decoded null");
    }
    JsonText.assertJsonEquals(json, adapter.toJson(value));
    return value;
  }
}
