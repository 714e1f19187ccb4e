package dev.transferkit.fuzz;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/** Money conservation, from the admin ledger ({@code GET /__admin/ledger}). */
final class Ledger {
  private Ledger() {}

  /** The only holder that may go below zero: Wyre's exchange desk (see the sandbox README). */
  static final String EXCHANGE_DESK = "system:exchange";

  /** provider -> currency -> total, from the ledger's {@code totals}. */
  @SuppressWarnings("unchecked")
  static Map<String, Map<String, BigDecimal>> totals(byte[] ledger) {
    Map<String, Object> root = (Map<String, Object>) JsonTree.parse(ledger);
    Map<String, Map<String, BigDecimal>> out = new TreeMap<>();
    for (String provider : new String[] {"circle", "wyre", "streambird"}) {
      Map<String, Object> totals =
          (Map<String, Object>) ((Map<String, Object>) root.get(provider)).get("totals");
      Map<String, BigDecimal> byCurrency = new TreeMap<>();
      totals.forEach(
          (currency, amount) -> byCurrency.put(currency, new BigDecimal(amount.toString())));
      out.put(provider, byCurrency);
    }
    return out;
  }

  /**
   * Fails if a total differs from the seed's or a holder other than the exchange desk is below
   * zero.
   */
  @SuppressWarnings("unchecked")
  static void check(Map<String, Map<String, BigDecimal>> seed, byte[] ledger, String session) {
    Map<String, Map<String, BigDecimal>> now = totals(ledger);
    for (String provider : seed.keySet()) {
      Map<String, BigDecimal> before = seed.get(provider);
      Map<String, BigDecimal> after = now.get(provider);
      for (String currency : union(before, after)) {
        BigDecimal a = before.getOrDefault(currency, BigDecimal.ZERO);
        BigDecimal b = after.getOrDefault(currency, BigDecimal.ZERO);
        if (a.compareTo(b) != 0) {
          throw new AssertionError(
              "money not conserved: "
                  + provider
                  + " total "
                  + currency
                  + " was "
                  + a
                  + ", is "
                  + b
                  + "\nsession:\n"
                  + session);
        }
      }
    }
    Map<String, Object> root = (Map<String, Object>) JsonTree.parse(ledger);
    for (String provider : seed.keySet()) {
      Map<String, Object> balances =
          (Map<String, Object>) ((Map<String, Object>) root.get(provider)).get("balances");
      balances.forEach(
          (holder, byCurrency) ->
              ((Map<String, Object>) byCurrency)
                  .forEach(
                      (currency, amount) -> {
                        if (!holder.equals(EXCHANGE_DESK)
                            && new BigDecimal(amount.toString()).signum() < 0) {
                          throw new AssertionError(
                              "negative balance: "
                                  + provider
                                  + " "
                                  + holder
                                  + " holds "
                                  + amount
                                  + " "
                                  + currency
                                  + "\nsession:\n"
                                  + session);
                        }
                      }));
    }
  }

  private static java.util.Set<String> union(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
    java.util.Set<String> keys = new java.util.TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    return keys;
  }
}
