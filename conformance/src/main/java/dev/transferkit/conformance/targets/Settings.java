package dev.transferkit.conformance.targets;

import java.util.Optional;

/**
 * Reads a setting from a system property first, then from the environment. A system property set to
 * an empty string hides the environment variable of the same name (tests use it to simulate a
 * provider without credentials).
 */
public final class Settings {
  private Settings() {}

  /** The value of {@code name}, or empty when unset or blank. */
  public static Optional<String> get(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
