package dev.transferkit.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.transferkit.circle.CircleClient;
import dev.transferkit.circle.accounts.model.AccountLocation;
import dev.transferkit.circle.accounts.model.AccountLocationType;
import dev.transferkit.circle.accounts.model.AccountTransfer;
import dev.transferkit.circle.accounts.model.CreateAccountTransferRequest;
import dev.transferkit.circle.model.RequestCurrency;
import dev.transferkit.circle.model.RequestMoney;
import dev.transferkit.core.RetryPolicy;
import dev.transferkit.core.exception.NetworkException;
import dev.transferkit.core.exception.TransferKitException;
import dev.transferkit.sandbox.Sandbox;
import dev.transferkit.sandbox.SandboxSeed;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 2,000 Circle internal transfers through the client while about 20% of requests meet a fault
 * (connection dropped before or after the sandbox processed them, 500/503/429, answers held past
 * the read timeout). Afterwards the sandbox ledger holds exactly one transfer per intended
 * transfer, every balance is exactly what the intended transfers imply, and the total is unchanged.
 */
class CircleExactlyOnceUnderFaultsTest {
  static final int TRANSFERS = 2_000;
  static final int ACCOUNTS = 8;
  static final int THREADS = 4;
  static final BigDecimal OPENING = new BigDecimal("100000.00");

  @Test
  void everyIntendedTransferHappensExactlyOnceUnderInjectedFaults() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).strictResponses(true).build().start();
        FaultProxy proxy = new FaultProxy(sandbox.baseUrl(), 0.20, 400, 20261121L)) {
      Admin admin = new Admin(sandbox.adminBaseUrl());
      List<String> accounts = new ArrayList<>();
      for (int i = 0; i < ACCOUNTS; i++) {
        accounts.add(
            admin
                .post(
                    "circle/accounts",
                    "{\"balances\": [{\"amount\": \""
                        + OPENING.toPlainString()
                        + "\", \"currency\": \"USD\"}]}")
                .get("id")
                .asText());
      }
      CircleClient circle =
          CircleClient.builder()
              .apiKey(SandboxSeed.CIRCLE_API_KEY)
              .baseUrl(proxy.url("circle/"))
              .readTimeout(Duration.ofMillis(250))
              .retryPolicy(
                  RetryPolicy.builder()
                      .maxRetries(8)
                      .initialBackoff(Duration.ofMillis(2))
                      .maxBackoff(Duration.ofMillis(20))
                      .build())
              .build();

      // The intended transfers: unique amounts, so each can be found in the ledger; a quarter leave
      // the key to the
      // client (it fills a UUID and reuses it on every retry), the rest bring their own.
      Random random = new Random(7);
      List<Intended> intended = new ArrayList<>();
      for (int i = 0; i < TRANSFERS; i++) {
        int from = random.nextInt(ACCOUNTS);
        int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
        BigDecimal amount =
            new BigDecimal("1.00").add(new BigDecimal("0.01").multiply(BigDecimal.valueOf(i)));
        intended.add(
            new Intended(
                accounts.get(from),
                accounts.get(to),
                amount,
                i % 4 == 0 ? null : UUID.randomUUID().toString()));
      }

      Map<String, String> createdIds = new ConcurrentHashMap<>();
      AtomicInteger resends = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = thread; i < TRANSFERS; i += THREADS) {
                    Intended it = intended.get(i);
                    createdIds.put(it.amount.toPlainString(), send(circle, it, resends));
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      pool.shutdown();

      System.out.println(
          "[faults] circle: "
              + proxy.summary()
              + "; caller re-sends after exhausted retries: "
              + resends.get());

      // The fault layer really did inject about 20% faults of every kind, and replays reached the
      // sandbox.
      double share = proxy.injectedTotal() / (double) proxy.requests();
      assertTrue(share > 0.15 && share < 0.25, "fault share " + share);
      for (FaultProxy.Fault f : FaultProxy.Fault.values()) {
        assertTrue(proxy.injected(f) > 0, "no " + f + " injected");
      }
      assertTrue(
          proxy.forwardedTo("POST /circle/v1/accounts/transfers") > TRANSFERS,
          "some creates must have reached the sandbox more than once (processed, then the answer was lost)");

      // The ledger: exactly one transfer per intended transfer, nothing else between our accounts.
      JsonNode ledger = admin.ledger().get("circle");
      Map<String, Integer> perAmount = new HashMap<>();
      Map<String, String> idPerAmount = new HashMap<>();
      int ours = 0;
      for (JsonNode t : ledger.get("transfers")) {
        if (accounts.contains(t.get("source").get("id").asText())) {
          ours++;
          String amount = t.get("amount").get("amount").asText();
          perAmount.merge(amount, 1, Integer::sum);
          idPerAmount.put(amount, t.get("id").asText());
        }
      }
      assertEquals(TRANSFERS, ours, "transfers in the ledger");
      for (Intended it : intended) {
        String amount = it.amount.setScale(2).toPlainString();
        assertEquals(1, perAmount.getOrDefault(amount, 0), "transfers of " + amount);
        assertEquals(
            idPerAmount.get(amount),
            createdIds.get(it.amount.toPlainString()),
            "the caller got the id of the one transfer of " + amount);
      }

      // Balances: exactly what the intended transfers imply, none negative, the total unchanged.
      Map<String, BigDecimal> expected = new HashMap<>();
      accounts.forEach(a -> expected.put(a, OPENING));
      for (Intended it : intended) {
        expected.merge(it.from, it.amount.negate(), BigDecimal::add);
        expected.merge(it.to, it.amount, BigDecimal::add);
      }
      BigDecimal total = BigDecimal.ZERO;
      for (String a : accounts) {
        BigDecimal balance =
            new BigDecimal(ledger.get("balances").get("account:" + a).get("USD").asText());
        assertEquals(0, expected.get(a).compareTo(balance), "balance of " + a);
        assertTrue(balance.signum() >= 0, "negative balance of " + a);
        total = total.add(balance);
      }
      assertEquals(
          0, OPENING.multiply(BigDecimal.valueOf(ACCOUNTS)).compareTo(total), "total balance");
      assertEquals(List.of(), sandbox.responseViolations());
    }
  }

  /**
   * Sends one intended transfer until it is known to have happened; returns the transfer id the
   * caller got.
   */
  private static String send(CircleClient circle, Intended it, AtomicInteger resends) {
    String key = it.key;
    for (int round = 0; ; round++) {
      try {
        AccountTransfer t =
            circle
                .accounts()
                .createAccountTransfer(
                    CreateAccountTransferRequest.builder()
                        .idempotencyKey(key)
                        .source(
                            AccountLocation.builder()
                                .type(AccountLocationType.ACCOUNT)
                                .id(it.from)
                                .build())
                        .destination(
                            AccountLocation.builder()
                                .type(AccountLocationType.ACCOUNT)
                                .id(it.to)
                                .build())
                        .amount(
                            RequestMoney.builder()
                                .amount(it.amount)
                                .currency(RequestCurrency.USD)
                                .build())
                        .build())
                .execute();
        return t.getId();
      } catch (NetworkException e) {
        // Retries exhausted on network failures: the exception names the key, so re-sending is
        // safe.
        key = e.idempotencyKey();
      } catch (TransferKitException e) {
        if (key == null || round > 5) {
          throw new AssertionError("cannot reconcile transfer of " + it.amount + " safely", e);
        }
      }
      resends.incrementAndGet();
    }
  }

  static final class Intended {
    final String from;
    final String to;
    final BigDecimal amount;
    final String key;

    Intended(String from, String to, BigDecimal amount, String key) {
      this.from = from;
      this.to = to;
      this.amount = amount;
      this.key = key;
    }
  }
}
