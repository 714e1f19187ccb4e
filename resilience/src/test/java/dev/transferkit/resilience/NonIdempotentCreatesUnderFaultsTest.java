package dev.transferkit.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.transferkit.core.RetryPolicy;
import dev.transferkit.core.exception.OutcomeUnknownException;
import dev.transferkit.core.exception.RateLimitException;
import dev.transferkit.sandbox.Sandbox;
import dev.transferkit.sandbox.SandboxSeed;
import dev.transferkit.streambird.StreambirdClient;
import dev.transferkit.streambird.model.ConfirmTransferRequest;
import dev.transferkit.streambird.model.Currency;
import dev.transferkit.streambird.model.TransferStatus;
import dev.transferkit.wyre.WyreClient;
import dev.transferkit.wyre.model.CreateTransferRequest;
import dev.transferkit.wyre.model.Transfer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Wyre and Streambird creates (and Streambird confirms) carry no idempotency key. Under the same
 * fault layer they are never retried automatically: each call reaches the fault layer exactly once,
 * every ambiguous failure surfaces as {@link OutcomeUnknownException}, and the test reconciles each
 * one the way the exception says (Wyre: customId in the transfer list; Streambird: notes in the
 * transfer list, status by id). The ledger then holds exactly one transfer per intended transfer.
 */
class NonIdempotentCreatesUnderFaultsTest {
  static final int TRANSFERS = 200;

  /** Faults that leave the outcome unknown; a 429 is a definite "not done". */
  static final Set<FaultProxy.Fault> AMBIGUOUS =
      EnumSet.complementOf(EnumSet.of(FaultProxy.Fault.RATE_LIMITED));

  private static RetryPolicy fastRetries() {
    return RetryPolicy.builder()
        .maxRetries(8)
        .initialBackoff(Duration.ofMillis(2))
        .maxBackoff(Duration.ofMillis(20))
        .build();
  }

  @Test
  void wyreCreatesAreTriedOnceAndEveryUnknownOutcomeIsReconciledByCustomId() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).strictResponses(true).build().start();
        FaultProxy proxy = new FaultProxy(sandbox.baseUrl(), 0.20, 400, 42L)) {
      WyreClient wyre =
          WyreClient.builder()
              .hmac(SandboxSeed.WYRE_API_KEY, SandboxSeed.WYRE_SECRET_KEY)
              .baseUrl(proxy.url("wyre/"))
              .readTimeout(Duration.ofMillis(250))
              .retryPolicy(fastRetries())
              .build();
      int calls = 0;
      int unknown = 0;
      int rateLimited = 0;
      for (int i = 0; i < TRANSFERS; i++) {
        String customId = "order-" + i;
        BigDecimal amount =
            new BigDecimal("1.00").add(new BigDecimal("0.01").multiply(BigDecimal.valueOf(i)));
        while (true) {
          calls++;
          try {
            wyre.transfers()
                .createTransfer(
                    CreateTransferRequest.builder()
                        .source("account:" + SandboxSeed.WYRE_SUB_ACCOUNT)
                        .sourceCurrency("USD")
                        .sourceAmount(amount)
                        .dest("paymentmethod:" + SandboxSeed.WYRE_PAYMENT_METHOD)
                        .destCurrency("USD")
                        .customId(customId)
                        .autoConfirm(true)
                        .build())
                .execute();
            break;
          } catch (OutcomeUnknownException e) {
            unknown++;
            proxy.awaitIdle(); // the create may still be running in the sandbox
            if (findByCustomId(wyre, customId) != null) {
              break; // it happened: do not create it again
            }
          } catch (RateLimitException e) {
            rateLimited++; // definitely not done: try again
          }
        }
      }
      System.out.println(
          "[faults] wyre: "
              + proxy.summary()
              + "; create calls "
              + calls
              + ", unknown outcomes "
              + unknown
              + ", rate limited "
              + rateLimited);

      String create = "POST /wyre/v3/transfers";
      assertEquals(
          calls, proxy.receivedOn(create), "each create call reached the network exactly once");
      int ambiguous = AMBIGUOUS.stream().mapToInt(f -> proxy.injectedOn(create, f)).sum();
      assertTrue(ambiguous > 0, "faults on creates");
      // Every ambiguous fault surfaced as OutcomeUnknownException (any other exception type would
      // have failed the
      // test above); a few more may come from genuine read timeouts on a loaded machine, and were
      // reconciled too.
      assertTrue(
          unknown >= ambiguous, "unknown outcomes " + unknown + " < ambiguous faults " + ambiguous);
      assertEquals(proxy.injectedOn(create, FaultProxy.Fault.RATE_LIMITED), rateLimited);

      Map<String, Integer> perCustomId = new HashMap<>();
      for (JsonNode t : new Admin(sandbox.adminBaseUrl()).ledger().get("wyre").get("transfers")) {
        if (t.hasNonNull("customId")) {
          perCustomId.merge(t.get("customId").asText(), 1, Integer::sum);
        }
      }
      for (int i = 0; i < TRANSFERS; i++) {
        assertEquals(
            1, perCustomId.getOrDefault("order-" + i, 0), "transfers with customId order-" + i);
      }
      assertEquals(TRANSFERS, perCustomId.size());
      assertEquals(java.util.List.of(), sandbox.responseViolations());
    }
  }

  private static Transfer findByCustomId(WyreClient wyre, String customId) {
    for (Transfer t :
        wyre.transfers()
            .listAllTransfers(
                dev.transferkit.wyre.api.TransfersApi.ListTransfersParams.builder()
                    .length(100)
                    .build())) {
      if (customId.equals(t.getCustomId())) {
        return t;
      }
    }
    return null;
  }

  @Test
  void streambirdCreatesAndConfirmsAreTriedOnceAndReconciled() throws Exception {
    try (Sandbox sandbox = Sandbox.builder().port(0).strictResponses(true).build().start();
        FaultProxy proxy = new FaultProxy(sandbox.baseUrl(), 0.20, 400, 4242L)) {
      StreambirdClient streambird =
          StreambirdClient.builder()
              .apiKey(SandboxSeed.STREAMBIRD_API_KEY)
              .baseUrl(proxy.url("streambird/"))
              .readTimeout(Duration.ofMillis(250))
              .retryPolicy(fastRetries())
              .build();
      int createCalls = 0;
      int confirmCalls = 0;
      int unknown = 0;
      for (int i = 0; i < TRANSFERS; i++) {
        String reference = "order-" + i;
        BigDecimal amount =
            new BigDecimal("0.001").add(new BigDecimal("0.00001").multiply(BigDecimal.valueOf(i)));
        dev.transferkit.streambird.model.Transfer created = null;
        while (created == null) {
          createCalls++;
          try {
            created =
                streambird
                    .transfers()
                    .createTransfer(
                        dev.transferkit.streambird.model.CreateTransferRequest.builder()
                            .source(SandboxSeed.STREAMBIRD_SOL_WALLET_ID)
                            .dest("3eiTLfEg8koaNgNMcmygm2nQ3APNNNWAyHGiooGwAziK")
                            .destCurrency(Currency.SOL)
                            .sourceAmount(amount)
                            .amountIncludesFees(true)
                            .notes(reference)
                            .userId(SandboxSeed.STREAMBIRD_USER_ID)
                            .build())
                    .execute();
          } catch (OutcomeUnknownException e) {
            unknown++;
            proxy.awaitIdle();
            created = findByNotes(streambird, reference);
          } catch (RateLimitException e) {
            // definitely not done: try again
          }
        }
        String id = created.getId();
        boolean confirmed = false;
        while (!confirmed) {
          confirmCalls++;
          try {
            streambird
                .transfers()
                .confirmTransfer(
                    id,
                    ConfirmTransferRequest.builder().userId(SandboxSeed.STREAMBIRD_USER_ID).build())
                .execute();
            confirmed = true;
          } catch (OutcomeUnknownException e) {
            unknown++;
            proxy.awaitIdle();
            TransferStatus status = streambird.transfers().getTransfer(id).execute().getStatus();
            confirmed = !TransferStatus.UNCONFIRMED.equals(status);
          } catch (RateLimitException e) {
            // definitely not done: try again
          }
        }
      }
      System.out.println(
          "[faults] streambird: "
              + proxy.summary()
              + "; create calls "
              + createCalls
              + ", confirm calls "
              + confirmCalls
              + ", unknown outcomes "
              + unknown);

      String create = "POST /streambird/v1/transfers/create";
      assertEquals(
          createCalls,
          proxy.receivedOn(create),
          "each create call reached the network exactly once");
      int confirmsSent = proxy.receivedPerPrefix("POST /streambird/v1/transfers/", "/confirm");
      assertEquals(
          confirmCalls, confirmsSent, "each confirm call reached the network exactly once");
      int ambiguous =
          AMBIGUOUS.stream()
              .mapToInt(
                  f ->
                      proxy.injectedOn(create, f)
                          + proxy.injectedPerPrefix(
                              "POST /streambird/v1/transfers/", "/confirm", f))
              .sum();
      assertTrue(ambiguous > 0, "faults on creates and confirms");
      assertTrue(
          unknown >= ambiguous, "unknown outcomes " + unknown + " < ambiguous faults " + ambiguous);

      Map<String, Integer> perReference = new HashMap<>();
      int unconfirmed = 0;
      for (JsonNode t :
          new Admin(sandbox.adminBaseUrl()).ledger().get("streambird").get("transfers")) {
        if (t.hasNonNull("notes") && t.get("notes").asText().startsWith("order-")) {
          perReference.merge(t.get("notes").asText(), 1, Integer::sum);
          if ("unconfirmed".equals(t.get("status").asText())) {
            unconfirmed++;
          }
        }
      }
      for (int i = 0; i < TRANSFERS; i++) {
        assertEquals(
            1, perReference.getOrDefault("order-" + i, 0), "transfers with notes order-" + i);
      }
      assertEquals(0, unconfirmed, "every transfer was confirmed exactly once");
      assertEquals(java.util.List.of(), sandbox.responseViolations());
    }
  }

  private static dev.transferkit.streambird.model.Transfer findByNotes(
      StreambirdClient streambird, String notes) {
    for (dev.transferkit.streambird.model.Transfer t :
        streambird
            .transfers()
            .listAllTransfers(
                dev.transferkit.streambird.api.TransfersApi.ListTransfersParams.builder()
                    .userId(SandboxSeed.STREAMBIRD_USER_ID)
                    .source(SandboxSeed.STREAMBIRD_SOL_WALLET_ID)
                    .limit(100)
                    .build())) {
      if (notes.equals(t.getNotes())) {
        return t;
      }
    }
    return null;
  }
}
