package dev.transferkit.circle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    for (String pkg : new String[] {"wallets", "accounts", "payouts"}) {
      for (String name :
          new String[] {"ApiClient", "JSON", "CollectionFormats", "auth.HttpBearerAuth"}) {
        assertThrows(
            ClassNotFoundException.class,
            () -> Class.forName("dev.transferkit.circle." + pkg + ".internal." + name),
            pkg + " " + name);
      }
    }
    assertThrows(ClassNotFoundException.class, () -> Class.forName("com.google.gson.Gson"));
  }
}
