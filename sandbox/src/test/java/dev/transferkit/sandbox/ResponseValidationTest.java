package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_API_KEY;
import static dev.transferkit.sandbox.SandboxSeed.CIRCLE_SOURCE_ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A response that would break the contract is caught: a 500 in strict mode, and recorded either
 * way.
 */
class ResponseValidationTest {
  static final String KEY = Http.bearer(CIRCLE_API_KEY);

  @Test
  void aStrictSandboxTurnsAnOffSpecResponseIntoA500AndRecordsIt() {
    try (Sandbox sandbox = Sandbox.builder().strictResponses(true).build().start()) {
      // The admin API can arrange a state the contract does not allow: a GBP balance (Currency is
      // USD or EUR).
      Http.put(
          sandbox.adminBaseUrl() + "circle/accounts/" + CIRCLE_SOURCE_ACCOUNT + "/balance",
          "{\"amount\": \"5.00\", \"currency\": \"GBP\"}");
      Http.Response r =
          Http.get(
              sandbox.circleBaseUrl() + "/v1/accounts/balances/" + CIRCLE_SOURCE_ACCOUNT,
              "Authorization",
              KEY);
      assertEquals(500, r.status());
      assertEquals(-1, r.json().get("code").asInt());
      assertTrue(
          r.json().get("message").asText().contains("digital-asset-accounts.yaml"), r.text());
      List<ResponseViolation> violations = sandbox.responseViolations();
      assertEquals(1, violations.size());
      assertEquals("/v1/accounts/balances/" + CIRCLE_SOURCE_ACCOUNT, violations.get(0).path());
      assertEquals(200, violations.get(0).status());
      assertTrue(violations.get(0).body().contains("GBP"));
    }
  }

  @Test
  void aLenientSandboxSendsTheResponseButStillRecordsIt() {
    try (Sandbox sandbox = Sandbox.builder().build().start()) {
      Http.put(
          sandbox.adminBaseUrl() + "circle/accounts/" + CIRCLE_SOURCE_ACCOUNT + "/balance",
          "{\"amount\": \"5.00\", \"currency\": \"GBP\"}");
      Http.Response r =
          Http.get(
              sandbox.circleBaseUrl() + "/v1/accounts/balances/" + CIRCLE_SOURCE_ACCOUNT,
              "Authorization",
              KEY);
      assertEquals(200, r.status());
      assertEquals(1, sandbox.responseViolations().size());
    }
  }
}
