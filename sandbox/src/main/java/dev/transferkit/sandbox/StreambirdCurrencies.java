package dev.transferkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.transferkit.specs.SpecLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Streambird's currencies as the simulation needs them: the decimals each may have (read from the
 * spec's {@code x-transferkit-decimals} on {@code Currency}), the network fee charged per transfer,
 * which currencies each wallet type sends, and what an address of each chain looks like.
 */
final class StreambirdCurrencies {
  static final String SPEC = "streambird/transfers.yaml";

  /** Network fee per currency, charged per transfer (SOL's is the docs' example: 0.000005). */
  static final Map<String, BigDecimal> NETWORK_FEES = new LinkedHashMap<>();

  /** Currencies each wallet type can send (from the create-transfer docs). */
  static final Map<String, Set<String>> COMPATIBLE = new LinkedHashMap<>();

  static {
    NETWORK_FEES.put("SOL", new BigDecimal("0.000005"));
    NETWORK_FEES.put("ETH", new BigDecimal("0.00042"));
    NETWORK_FEES.put("MATIC", new BigDecimal("0.01"));
    NETWORK_FEES.put("AVAX", new BigDecimal("0.005"));
    NETWORK_FEES.put("BTC", new BigDecimal("0.00002"));
    NETWORK_FEES.put("DOT", new BigDecimal("0.0156"));
    NETWORK_FEES.put("XLM", new BigDecimal("0.00001"));
    COMPATIBLE.put("ETH", Set.of("ETH", "MATIC", "AVAX"));
    COMPATIBLE.put("SOL", Set.of("SOL"));
    COMPATIBLE.put("BTC", Set.of("BTC"));
    COMPATIBLE.put("DOT", Set.of("DOT"));
    COMPATIBLE.put("XLM", Set.of("XLM"));
  }

  static final Map<String, Pattern> ADDRESS =
      Map.of(
          "ETH", ChainAddresses.EVM,
          "SOL", ChainAddresses.SOLANA,
          "BTC", ChainAddresses.BITCOIN,
          "DOT", ChainAddresses.POLKADOT,
          "XLM", ChainAddresses.STELLAR);

  private StreambirdCurrencies() {}

  /** Read on first use (the first transfer), not at start-up: one small read of the spec's text. */
  private static final class Decimals {
    static final Map<String, Integer> BY_CURRENCY = read();

    private static Map<String, Integer> read() {
      String text = SpecLoader.text(SPEC);
      JsonNode spec;
      try {
        // The spec's JSON twin when the build wrote one, else the YAML itself.
        spec =
            text.stripLeading().startsWith("{")
                ? Json.MAPPER.readTree(text)
                : new YAMLMapper().readTree(text);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + SPEC, e);
      }
      JsonNode decimals =
          spec.path("components").path("schemas").path("Currency").path("x-transferkit-decimals");
      if (!decimals.isObject() || decimals.isEmpty()) {
        throw new IllegalStateException(SPEC + ": Currency has no x-transferkit-decimals");
      }
      Map<String, Integer> out = new HashMap<>();
      decimals.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().intValue()));
      return Map.copyOf(out);
    }
  }

  /**
   * How many decimals an amount in {@code currency} may have, from the spec.
   *
   * @throws IllegalStateException when the spec gives none for it (the spec lint requires one per
   *     enum value)
   */
  static int decimals(String currency) {
    Integer n = Decimals.BY_CURRENCY.get(currency);
    if (n == null) {
      throw new IllegalStateException(
          SPEC + ": x-transferkit-decimals has no count for " + currency);
    }
    return n;
  }
}
