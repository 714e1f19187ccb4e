package dev.transferkit.core.internal;

import dev.transferkit.core.Timestamp;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads and writes one type on TransferKit's byte-level JSON reader ({@link JsonIn}) and writer ({@link JsonOut}).
 * Every generated model and open enum has one ({@code JSON_CODEC}). Not public API: generated code uses it.
 *
 * <p>{@link #read} is called with the reader positioned at a value that is not JSON null (callers handle null: a
 * property records it, a list or map element refuses it). {@link #write} is never called with null.
 *
 * @param <T> the type read and written
 */
public interface JsonCodec<T> {
  /** Reads one non-null value; fails with a {@code JsonDataException} or {@code JsonEncodingException}. */
  T read(JsonIn in) throws IOException;

  /** Writes {@code value}, which is not null. */
  void write(JsonOut out, T value);

  /** A JSON string (nothing else is converted to one). */
  JsonCodec<String> STRING =
      new JsonCodec<String>() {
        @Override
        public String read(JsonIn in) throws IOException {
          return in.readString();
        }

        @Override
        public void write(JsonOut out, String value) {
          out.string(value);
        }
      };

  /** An amount sent as a JSON string (a number is accepted too); written as a string keeping its digits. */
  JsonCodec<BigDecimal> DECIMAL_STRING =
      new JsonCodec<BigDecimal>() {
        @Override
        public BigDecimal read(JsonIn in) throws IOException {
          return in.readDecimal();
        }

        @Override
        public void write(JsonOut out, BigDecimal value) {
          out.decimalString(value);
        }
      };

  /** An amount sent as a JSON number (a string is accepted too); written as a number keeping its digits. */
  JsonCodec<BigDecimal> DECIMAL_NUMBER =
      new JsonCodec<BigDecimal>() {
        @Override
        public BigDecimal read(JsonIn in) throws IOException {
          return in.readDecimal();
        }

        @Override
        public void write(JsonOut out, BigDecimal value) {
          out.decimalNumber(value);
        }
      };

  /** An ISO-8601 date-time string, kept as sent. */
  JsonCodec<Timestamp> TIMESTAMP =
      new JsonCodec<Timestamp>() {
        @Override
        public Timestamp read(JsonIn in) throws IOException {
          return in.readTimestamp();
        }

        @Override
        public void write(JsonOut out, Timestamp value) {
          out.string(value.text());
        }
      };

  /** A JSON integer that fits a long. */
  JsonCodec<Long> LONG =
      new JsonCodec<Long>() {
        @Override
        public Long read(JsonIn in) throws IOException {
          return in.readLong();
        }

        @Override
        public void write(JsonOut out, Long value) {
          out.number(value.longValue());
        }
      };

  /** A JSON integer that fits an int. */
  JsonCodec<Integer> INT =
      new JsonCodec<Integer>() {
        @Override
        public Integer read(JsonIn in) throws IOException {
          return in.readInt();
        }

        @Override
        public void write(JsonOut out, Integer value) {
          out.number(value.intValue());
        }
      };

  /** A JSON boolean. */
  JsonCodec<Boolean> BOOLEAN =
      new JsonCodec<Boolean>() {
        @Override
        public Boolean read(JsonIn in) throws IOException {
          return in.readBoolean();
        }

        @Override
        public void write(JsonOut out, Boolean value) {
          out.bool(value.booleanValue());
        }
      };
}
