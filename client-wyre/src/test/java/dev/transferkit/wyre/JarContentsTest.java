package dev.transferkit.wyre;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.transferkit.core.testing.Bytecode;
import org.junit.jupiter.api.Test;

/** The jar is Java 11 bytecode and carries none of the stock generator's runtime classes. */
class JarContentsTest {
  @Test
  void generatedCodeIsJava11Bytecode() throws Exception {
    assertEquals(55, Bytecode.majorVersion(dev.transferkit.wyre.api.TransfersApi.class));
    assertEquals(55, Bytecode.majorVersion(dev.transferkit.wyre.model.Transfer.class));
    assertEquals(55, Bytecode.majorVersion(dev.transferkit.core.ApiCall.class));
  }

  @Test
  void noStockApiClientOrAuthClassesAreGenerated() {
    Bytecode.assertNoStockGeneratorRuntime("dev.transferkit.wyre.internal");
  }
}
