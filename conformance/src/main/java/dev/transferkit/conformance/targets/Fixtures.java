package dev.transferkit.conformance.targets;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Properties;

/**
 * The docs' ids (accounts, wallets, users, recipients) as they exist on the target. The features
 * use the docs' values, which the embedded sandbox seeds verbatim. A real sandbox has its own ids:
 * list them in a properties file named by {@code TRANSFERKIT_FIXTURES}, one {@code
 * docsValue=realValue} a line (for example {@code 1017381855=1000216185} or {@code
 * AC_XXXXXXXX2=AC_8UW4PQ3TQ2N}). An SRN is mapped part by part, so {@code account:AC_XXXXXXXX2}
 * follows the mapping of {@code AC_XXXXXXXX2}.
 */
public final class Fixtures {
  private final Properties mapping;

  private Fixtures(Properties mapping) {
    this.mapping = mapping;
  }

  /** The docs' values unchanged. */
  public static Fixtures identity() {
    return new Fixtures(new Properties());
  }

  /** The mapping in {@code file}. */
  public static Fixtures fromFile(java.nio.file.Path file) {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the fixtures " + file, e);
    }
    return new Fixtures(p);
  }

  /** The mapping named by {@code TRANSFERKIT_FIXTURES}, or {@link #identity()}. */
  public static Fixtures fromSettings() {
    return Settings.get("TRANSFERKIT_FIXTURES")
        .map(path -> fromFile(Paths.get(path)))
        .orElseGet(Fixtures::identity);
  }

  /**
   * The mapping the other way: each real value to the docs' value (what the embedded sandbox
   * seeds).
   */
  public java.util.Map<String, String> reverse() {
    java.util.Map<String, String> reverse = new java.util.HashMap<>();
    mapping.stringPropertyNames().forEach(docs -> reverse.put(mapping.getProperty(docs), docs));
    return reverse;
  }

  /** {@code docsValue} as it exists on the target. */
  public String id(String docsValue) {
    String whole = mapping.getProperty(docsValue);
    if (whole != null) {
      return whole;
    }
    if (!docsValue.contains(":")) {
      return docsValue;
    }
    String[] parts = docsValue.split(":", -1);
    for (int i = 0; i < parts.length; i++) {
      parts[i] = mapping.getProperty(parts[i], parts[i]);
    }
    return String.join(":", parts);
  }
}
