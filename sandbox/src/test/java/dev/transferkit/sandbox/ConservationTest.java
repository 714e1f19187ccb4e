package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_API_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many threads move money between a handful of accounts at once; money is neither created nor lost.
 */
class ConservationTest extends SandboxTestBase {
  static final String KEY = Http.bearer(CIRCLE_API_KEY);
  static final int ACCOUNTS = 5;
  static final int THREADS = 16;
  static final int TRANSFERS_PER_THREAD = 40;

  @Test
  void concurrentTransfersAndReplaysNeverOverdrawAndConserveTheTotal() throws Exception {
    List<String> accounts = new ArrayList<>();
    for (int i = 0; i < ACCOUNTS; i++) {
      JsonNode created =
          Http.post(
                  admin("circle/accounts"),
                  "{\"balances\": [{\"amount\": \"100.00\", \"currency\": \"USD\"}]}")
              .json();
      accounts.add(created.get("id").asText());
    }
    BigDecimal totalBefore = total();

    // Shared idempotency keys: several threads race to use each one, always with the same body.
    int sharedKeys = 50;
    List<String> sharedBodies = new ArrayList<>();
    Random seed = new Random(42);
    for (int k = 0; k < sharedKeys; k++) {
      int from = seed.nextInt(ACCOUNTS);
      int to = (from + 1 + seed.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
      sharedBodies.add(
          CircleAccountsTest.transfer(
              UUID.randomUUID().toString(), accounts.get(from), accounts.get(to), "7.00"));
    }

    Map<String, AtomicInteger> createdPerBody = new ConcurrentHashMap<>();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                Random random = new Random(thread);
                for (int i = 0; i < TRANSFERS_PER_THREAD; i++) {
                  String body;
                  if (random.nextInt(3) == 0) {
                    body = sharedBodies.get(random.nextInt(sharedKeys));
                  } else {
                    int from = random.nextInt(ACCOUNTS);
                    int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                    String amount =
                        (1 + random.nextInt(60)) + "." + String.format("%02d", random.nextInt(100));
                    body =
                        CircleAccountsTest.transfer(
                            UUID.randomUUID().toString(),
                            accounts.get(from),
                            accounts.get(to),
                            amount);
                  }
                  Http.Response r =
                      Http.post(circle("v1/accounts/transfers"), body, "Authorization", KEY);
                  statuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
                  if (r.status() == 201) {
                    createdPerBody
                        .computeIfAbsent(body, b -> new AtomicInteger())
                        .incrementAndGet();
                  }
                  assertTrue(
                      r.status() == 201 || r.status() == 200 || r.status() == 400, r.toString());
                  if (r.status() == 400) {
                    assertEquals(1093, r.json().get("code").asInt());
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertEquals(totalBefore, total(), "the total of all balances changed");
    JsonNode ledger = Http.get(admin("ledger")).json().get("circle");
    for (String account : accounts) {
      BigDecimal balance =
          new BigDecimal(ledger.at("/balances/account:" + account + "/USD").asText());
      assertTrue(balance.signum() >= 0, account + " went negative: " + balance);
    }
    // Each idempotency key moved money at most once: one 201 per body, replays were 200.
    createdPerBody.forEach((body, count) -> assertEquals(1, count.get(), "created twice: " + body));
    Map<String, Integer> transfersPerKey = new HashMap<>();
    for (JsonNode t : ledger.get("transfers")) {
      transfersPerKey.merge(t.get("id").asText(), 1, Integer::sum);
    }
    assertEquals(
        createdPerBody.size(), transfersPerKey.size(), "every ledger transfer came from one 201");
    // The ledger agrees with the sum of the transfers that happened.
    Map<String, BigDecimal> expected = new HashMap<>();
    for (String a : accounts) {
      expected.put(a, new BigDecimal("100.00"));
    }
    for (JsonNode t : ledger.get("transfers")) {
      BigDecimal amount = new BigDecimal(t.at("/amount/amount").asText());
      expected.computeIfPresent(t.at("/source/id").asText(), (a, b) -> b.subtract(amount));
      expected.computeIfPresent(t.at("/destination/id").asText(), (a, b) -> b.add(amount));
    }
    for (String account : accounts) {
      assertEquals(
          0,
          expected
              .get(account)
              .compareTo(
                  new BigDecimal(ledger.at("/balances/account:" + account + "/USD").asText())),
          account);
    }
    System.out.println(
        "conservation: statuses " + statuses + ", transfers " + transfersPerKey.size());
  }

  private BigDecimal total() {
    return new BigDecimal(Http.get(admin("ledger")).json().at("/circle/totals/USD").asText());
  }
}
