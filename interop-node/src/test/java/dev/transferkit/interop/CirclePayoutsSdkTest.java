package dev.transferkit.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.transferkit.sandbox.junit.SandboxTest;
import dev.transferkit.sandbox.junit.SandboxUrls;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * {@code @circle-fin/circle-sdk} (payouts) against the embedded sandbox: {@code
 * src/test/node/payouts.mjs}.
 */
@SandboxTest(shared = true)
class CirclePayoutsSdkTest {

  @Test
  void payoutIsCreatedReplayedReadAndListedThroughCircleSdk(SandboxUrls urls) throws Exception {
    NodeScript run = NodeScript.run("payouts.mjs", urls.circle(), urls.admin());

    JsonNode payout = run.answered("createPayout", 201).get("data");
    assertEquals("pending", payout.get("status").asText());
    assertEquals("3.14", payout.at("/amount/amount").asText());
    String id = payout.get("id").asText();
    assertEquals(
        id,
        run.answered("createPayout.replay", 201).at("/data/id").asText(),
        "the same idempotency key and body answer the original payout");
    assertEquals(id, run.answered("getPayout", 200).at("/data/id").asText());
    JsonNode listed = run.answered("listPayouts", 200).get("data");
    assertTrue(
        StreamSupport.stream(listed.spliterator(), false)
            .anyMatch(p -> p.get("id").asText().equals(id)),
        () -> "the payout is listed: " + listed);
  }

  @Test
  void circleSdkCallersSeeCirclesErrorCodes(SandboxUrls urls) throws Exception {
    NodeScript run = NodeScript.run("payouts.mjs", urls.circle(), urls.admin());

    run.refused("createPayout.sameKeyOtherBody", 409, 1083);
    run.refused("getPayout.unknown", 404, 5001);
    // A currency outside the request-only enum (USD, EUR) is refused by the spec (Circle's generic
    // code 2); a
    // source and destination currency that do not pair (USD to EUR) by the payout rules (5007).
    run.refused("createPayout.unsupportedCurrency", 400, 2);
    run.refused("createPayout.currencyPair", 400, 5007);
    run.refused("createPayout.unknownRecipient", 404, 5004);
    run.refused("listPayouts.wrongApiKey", 401, 1);
  }
}
