package dev.transferkit.core.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Test helper: reads the class-file major version of a compiled class (55 = Java 11). */
public final class Bytecode {
  private Bytecode() {}

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
