package dev.transferkit.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The {@code User-Agent} every client sends: {@code transferkit-java/<version>}. */
public final class UserAgent {
  /**
   * The TransferKit version, from the Maven-filtered {@code
   * dev/transferkit/core/version.properties}.
   */
  public static final String VERSION = readVersion();

  /** {@code transferkit-java/<version>}. */
  public static final String VALUE = "transferkit-java/" + VERSION;

  private UserAgent() {}

  private static String readVersion() {
    try (InputStream in =
        UserAgent.class.getResourceAsStream("/dev/transferkit/core/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "").trim();
      return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
