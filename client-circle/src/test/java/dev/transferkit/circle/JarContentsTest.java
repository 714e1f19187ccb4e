package dev.transferkit.circle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.transferkit.core.testing.Bytecode;
import org.junit.jupiter.api.Test;

/** The jar is Java 11 bytecode and carries none of the stock generator's runtime classes. */
class JarContentsTest {
  @Test
  void generatedCodeIsJava11Bytecode() throws Exception {
    assertEquals(55, Bytecode.majorVersion(dev.transferkit.circle.accounts.api.AccountsApi.class));
    assertEquals(55, Bytecode.majorVersion(dev.transferkit.circle.wallets.model.Transaction.class));
    assertEquals(55, Bytecode.majorVersion(dev.transferkit.circle.payouts.model.Payout.class));
  }

  @Test
  void noStockApiClientOrAuthClassesAreGenerated() {
    Bytecode.assertNoStockGeneratorRuntime(
        "dev.transferkit.circle.internal",
        "dev.transferkit.circle.wallets.internal",
        "dev.transferkit.circle.accounts.internal",
        "dev.transferkit.circle.payouts.internal");
  }
}
