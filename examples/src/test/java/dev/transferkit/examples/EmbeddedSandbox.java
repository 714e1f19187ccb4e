package dev.transferkit.examples;

import dev.transferkit.sandbox.Sandbox;
import java.util.Objects;

/**
 * The sandbox the snippets run against, as the substituted snippets name it ({@code
 * .baseUrl(dev.transferkit.examples.EmbeddedSandbox.circleBaseUrl())}): the snippets are compiled
 * while the sandbox starts, so they read its address when they run, not when they are compiled.
 * Public because the snippets are compiled in the default package.
 */
public final class EmbeddedSandbox {
  private static volatile Sandbox sandbox;

  private EmbeddedSandbox() {}

  static void set(Sandbox started) {
    sandbox = Objects.requireNonNull(started, "started");
  }

  public static String circleBaseUrl() {
    return running().circleBaseUrl();
  }

  public static String wyreBaseUrl() {
    return running().wyreBaseUrl();
  }

  public static String streambirdBaseUrl() {
    return running().streambirdBaseUrl();
  }

  private static Sandbox running() {
    if (sandbox == null) {
      throw new IllegalStateException("the embedded sandbox is not started");
    }
    return sandbox;
  }
}
