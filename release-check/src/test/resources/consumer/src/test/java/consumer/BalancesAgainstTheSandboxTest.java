package consumer;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.transferkit.circle.CircleClient;
import dev.transferkit.sandbox.Sandbox;
import dev.transferkit.sandbox.SandboxSeed;
import org.junit.jupiter.api.Test;

class BalancesAgainstTheSandboxTest {
  @Test
  void readsTheSeededAccountsBalancesFromTheEmbeddedSandbox() {
    try (Sandbox sandbox = Sandbox.builder().port(0).build().start()) {
      CircleClient circle = CircleClient.builder()
          .apiKey(SandboxSeed.CIRCLE_API_KEY)
          .baseUrl(sandbox.circleBaseUrl())
          .build();
      assertNotNull(circle.accounts().getAccountBalances(SandboxSeed.CIRCLE_SOURCE_ACCOUNT).execute().getAvailable());
    }
  }
}
