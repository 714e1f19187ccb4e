package dev.transferkit.core.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Test helper for a client jar's contents: the class-file major version of a compiled class (55 =
 * Java 11), and the stock OpenAPI Generator runtime our templates must not produce.
 */
public final class Bytecode {
  /** The stock generator's runtime classes, relative to a client's invoker package. */
  private static final String[] STOCK_RUNTIME = {
    "ApiClient",
    "JSON",
    "CollectionFormats",
    "ServerConfiguration",
    "StringUtil",
    "auth.HttpBearerAuth",
    "auth.OAuth"
  };

  private Bytecode() {}

  /**
   * Fails when any stock generator runtime class exists in one of {@code invokerPackages} (e.g.
   * {@code dev.transferkit.wyre.internal}), or when Gson, the stock runtime's JSON library, is on
   * the class path.
   */
  public static void assertNoStockGeneratorRuntime(String... invokerPackages) {
    for (String pkg : invokerPackages) {
      for (String name : STOCK_RUNTIME) {
        org.junit.jupiter.api.Assertions.assertThrows(
            ClassNotFoundException.class, () -> Class.forName(pkg + "." + name), pkg + "." + name);
      }
    }
    org.junit.jupiter.api.Assertions.assertThrows(
        ClassNotFoundException.class, () -> Class.forName("com.google.gson.Gson"));
  }

  public static int majorVersion(Class<?> type) throws IOException {
    String resource = "/" + type.getName().replace('.', '/') + ".class";
    try (InputStream in = type.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("No class file for " + type.getName());
      }
      DataInputStream data = new DataInputStream(in);
      if (data.readInt() != 0xCAFEBABE) {
        throw new IOException("Not a class file: " + resource);
      }
      data.readUnsignedShort();
      return data.readUnsignedShort();
    }
  }
}
