package dev.transferkit.conformance.targets;

import dev.transferkit.sandbox.Sandbox;
import dev.transferkit.sandbox.SandboxClock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the suite sends its requests, read from {@code TRANSFERKIT_TARGET} (system property or
 * environment):
 *
 * <ul>
 *   <li>{@code local} (default): an embedded {@link Sandbox} on a free loopback port, strict
 *       responses, frozen clock, reset before every scenario, with its seeded keys. Every scenario
 *       runs, {@code @sandbox-control} ones too.
 *   <li>{@code sandbox}: the providers' sandbox URLs (the facades' SANDBOX environments) or the
 *       per-provider overrides {@code CIRCLE_BASE_URL}, {@code WYRE_BASE_URL}, {@code
 *       STREAMBIRD_BASE_URL}; credentials from {@code CIRCLE_API_KEY}, {@code WYRE_API_KEY} +
 *       {@code WYRE_SECRET_KEY}, {@code STREAMBIRD_API_KEY}. Scenarios tagged
 *       {@code @sandbox-control} are skipped (nothing can set balances or move the provider's
 *       clock), and a provider without credentials has all of its scenarios skipped, each with the
 *       reason.
 * </ul>
 */
public final class Target {
  public enum Kind {
    LOCAL,
    SANDBOX
  }

  /**
   * How to reach one provider: a base URL override (null: the facade's SANDBOX environment) and
   * credentials.
   */
  public record Endpoint(String baseUrl, Credentials credentials) {}

  /** A provider's credentials; {@code secret} is only used by Wyre (HMAC secret key). */
  public record Credentials(String apiKey, String secret) {
    @Override
    public String toString() {
      return "Credentials{masked}";
    }
  }

  private static Sandbox embedded;

  private final Kind kind;
  private final Sandbox sandbox;
  private final Map<Provider, Endpoint> endpoints;
  private final Map<Provider, String> missing;

  private Target(
      Kind kind,
      Sandbox sandbox,
      Map<Provider, Endpoint> endpoints,
      Map<Provider, String> missing) {
    this.kind = kind;
    this.sandbox = sandbox;
    this.endpoints = endpoints;
    this.missing = missing;
  }

  /**
   * The target named by the current settings. {@code local} starts the embedded sandbox once per
   * JVM.
   */
  public static Target fromSettings() {
    String name = Settings.get("TRANSFERKIT_TARGET").orElse("local").toLowerCase(Locale.ROOT);
    switch (name) {
      case "local":
        return local(embeddedSandbox());
      case "sandbox":
        return remote();
      default:
        throw new IllegalArgumentException(
            "TRANSFERKIT_TARGET must be 'local' or 'sandbox', not '" + name + "'");
    }
  }

  /** The embedded target on {@code sandbox}, with its seeded keys. */
  public static Target local(Sandbox sandbox) {
    Map<Provider, Endpoint> endpoints = new EnumMap<>(Provider.class);
    endpoints.put(
        Provider.CIRCLE,
        new Endpoint(
            sandbox.circleBaseUrl(), new Credentials(sandbox.seed().circleApiKey(), null)));
    endpoints.put(
        Provider.WYRE,
        new Endpoint(
            sandbox.wyreBaseUrl(),
            new Credentials(sandbox.seed().wyreApiKey(), sandbox.seed().wyreSecretKey())));
    endpoints.put(
        Provider.STREAMBIRD,
        new Endpoint(
            sandbox.streambirdBaseUrl(), new Credentials(sandbox.seed().streambirdApiKey(), null)));
    return new Target(Kind.LOCAL, sandbox, endpoints, Map.of());
  }

  private static Target remote() {
    Map<Provider, Endpoint> endpoints = new EnumMap<>(Provider.class);
    Map<Provider, String> missing = new EnumMap<>(Provider.class);
    Optional<String> circleKey = Settings.get("CIRCLE_API_KEY");
    if (circleKey.isPresent()) {
      endpoints.put(
          Provider.CIRCLE,
          new Endpoint(
              Settings.get("CIRCLE_BASE_URL").orElse(null),
              new Credentials(circleKey.get(), null)));
    } else {
      missing.put(Provider.CIRCLE, "no Circle credentials: set CIRCLE_API_KEY");
    }
    Optional<String> wyreKey = Settings.get("WYRE_API_KEY");
    Optional<String> wyreSecret = Settings.get("WYRE_SECRET_KEY");
    if (wyreKey.isPresent() && wyreSecret.isPresent()) {
      endpoints.put(
          Provider.WYRE,
          new Endpoint(
              Settings.get("WYRE_BASE_URL").orElse(null),
              new Credentials(wyreKey.get(), wyreSecret.get())));
    } else {
      missing.put(Provider.WYRE, "no Wyre credentials: set WYRE_API_KEY and WYRE_SECRET_KEY");
    }
    Optional<String> streambirdKey = Settings.get("STREAMBIRD_API_KEY");
    if (streambirdKey.isPresent()) {
      endpoints.put(
          Provider.STREAMBIRD,
          new Endpoint(
              Settings.get("STREAMBIRD_BASE_URL").orElse(null),
              new Credentials(streambirdKey.get(), null)));
    } else {
      missing.put(Provider.STREAMBIRD, "no Streambird credentials: set STREAMBIRD_API_KEY");
    }
    return new Target(Kind.SANDBOX, null, endpoints, missing);
  }

  private static synchronized Sandbox embeddedSandbox() {
    if (embedded == null) {
      Sandbox s =
          Sandbox.builder()
              .port(0)
              .host("127.0.0.1")
              .strictResponses(true)
              .clock(SandboxClock.frozenAtNow())
              .build()
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(s::close, "conformance-sandbox-stop"));
      embedded = s;
    }
    return embedded;
  }

  public Kind kind() {
    return kind;
  }

  public boolean isLocal() {
    return kind == Kind.LOCAL;
  }

  /** The embedded sandbox; only on the local target. */
  public Sandbox sandbox() {
    if (sandbox == null) {
      throw new IllegalStateException("no embedded sandbox on target " + kind);
    }
    return sandbox;
  }

  /**
   * How to reach {@code provider}, or empty when it has no credentials (see {@link
   * #missingReason}).
   */
  public Optional<Endpoint> endpoint(Provider provider) {
    return Optional.ofNullable(endpoints.get(provider));
  }

  /** Why {@code provider} cannot run on this target, or empty. */
  public Optional<String> missingReason(Provider provider) {
    return Optional.ofNullable(missing.get(provider));
  }

  @Override
  public String toString() {
    return "Target{"
        + kind.name().toLowerCase(Locale.ROOT)
        + (sandbox != null ? " " + sandbox.baseUrl() : "")
        + ", providers="
        + endpoints.keySet()
        + "}";
  }
}
