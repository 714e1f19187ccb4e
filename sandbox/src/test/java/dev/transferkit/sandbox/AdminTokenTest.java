package dev.transferkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The admin API and the seed listing are open on loopback and need a token anywhere else. */
class AdminTokenTest {
  @Test
  void onLoopbackWithoutATokenTheAdminApiIsOpen() {
    assertNull(Sandbox.builder().host("127.0.0.1").build().adminToken());
    assertNull(Sandbox.builder().host("localhost").build().adminToken());
  }

  @Test
  void boundBeyondLoopbackATokenIsGeneratedEachTime() {
    // Decided when the sandbox is built (no socket is opened here: tests bind loopback only).
    String one = Sandbox.builder().host("0.0.0.0").build().adminToken();
    String two = Sandbox.builder().host("0.0.0.0").build().adminToken();
    assertNotNull(one);
    assertTrue(one.length() >= 32, one);
    assertNotEquals(one, two);
    assertTrue(Sandbox.loopback("::1"));
    assertTrue(!Sandbox.loopback("192.0.2.10"));
  }

  @Test
  void withATokenTheAdminApiAndTheSeedRefuseCallsWithoutItAndProviderApisStayAsTheyAre() {
    try (Sandbox sandbox = Sandbox.builder().port(0).adminToken("s3cret-token").build().start()) {
      assertEquals(401, Http.get(sandbox.adminBaseUrl() + "seed").status());
      assertEquals(401, Http.post(sandbox.adminBaseUrl() + "reset", "{}").status());
      assertEquals(
          401, Http.get(sandbox.adminBaseUrl() + "seed", "Authorization", "Bearer wrong").status());
      Http.Response seed =
          Http.get(sandbox.adminBaseUrl() + "seed", "Authorization", "Bearer s3cret-token");
      assertEquals(200, seed.status(), seed.text());
      assertEquals(SandboxSeed.CIRCLE_API_KEY, seed.json().get("CIRCLE_API_KEY").asText());
      assertEquals(
          200,
          Http.get(
                  sandbox.circleBaseUrl() + "/v1/accounts/transfers",
                  "Authorization",
                  Http.bearer(SandboxSeed.CIRCLE_API_KEY))
              .status());
    }
  }
}
