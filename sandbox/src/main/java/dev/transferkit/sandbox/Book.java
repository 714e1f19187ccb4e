package dev.transferkit.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Double-entry balances of one provider: holder -> currency -> amount. Money only moves between
 * holders, so the total per currency changes only when the admin API sets a balance. System holders
 * (money in flight, fees collected, funds that left to the outside world, an exchange desk) make
 * the flows visible and may go negative only when marked so (the exchange desk). Not thread-safe:
 * used under the engine lock.
 */
final class Book {
  static final String IN_FLIGHT = "system:in-flight";
  static final String EXTERNAL = "system:external";
  static final String FEES = "system:fees";
  static final String EXCHANGE = "system:exchange";

  private final Map<String, Map<String, BigDecimal>> balances = new TreeMap<>();
  private final Set<String> mayGoNegative = new HashSet<>(Set.of(EXCHANGE));

  BigDecimal balance(String holder, String currency) {
    return balances.getOrDefault(holder, Map.of()).getOrDefault(currency, BigDecimal.ZERO);
  }

  Map<String, BigDecimal> balances(String holder) {
    return balances.getOrDefault(holder, Map.of());
  }

  void set(String holder, String currency, BigDecimal amount) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("a balance cannot be negative: " + amount);
    }
    balances.computeIfAbsent(holder, h -> new TreeMap<>()).put(currency, amount);
  }

  boolean covers(String holder, String currency, BigDecimal amount) {
    return balance(holder, currency).compareTo(amount) >= 0;
  }

  /**
   * Moves money; refuses (IllegalStateException) to take a holder below zero, so callers check
   * first.
   */
  void move(String from, String to, String currency, BigDecimal amount) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("negative move " + amount);
    }
    BigDecimal left = balance(from, currency).subtract(amount);
    if (left.signum() < 0 && !mayGoNegative.contains(from)) {
      throw new IllegalStateException(from + " cannot pay " + amount + " " + currency);
    }
    balances.computeIfAbsent(from, h -> new TreeMap<>()).put(currency, left);
    balances.computeIfAbsent(to, h -> new TreeMap<>()).merge(currency, amount, BigDecimal::add);
  }

  /** Every holder's balances, holders in order (a copy). */
  Map<String, Map<String, BigDecimal>> all() {
    Map<String, Map<String, BigDecimal>> copy = new TreeMap<>();
    balances.forEach((h, b) -> copy.put(h, new TreeMap<>(b)));
    return copy;
  }

  void clear() {
    balances.clear();
  }

  /** {@code {balances: {holder: {currency: "amount"}}, totals: {currency: "amount"}}} */
  ObjectNode describe() {
    ObjectNode out = Json.object();
    ObjectNode all = out.putObject("balances");
    Map<String, BigDecimal> totals = new TreeMap<>();
    balances.forEach(
        (holder, byCurrency) -> {
          ObjectNode h = all.putObject(holder);
          byCurrency.forEach(
              (currency, amount) -> {
                h.put(currency, Json.plain(amount));
                totals.merge(currency, amount, BigDecimal::add);
              });
        });
    ObjectNode t = out.putObject("totals");
    totals.forEach((currency, amount) -> t.put(currency, Json.plain(amount)));
    return out;
  }
}
