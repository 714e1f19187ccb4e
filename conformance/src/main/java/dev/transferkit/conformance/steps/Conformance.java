package dev.transferkit.conformance.steps;

import dev.transferkit.circle.CircleClient;
import dev.transferkit.conformance.control.SandboxControl;
import dev.transferkit.conformance.control.WebhookReceiver;
import dev.transferkit.conformance.spec.SpecCheckingInterceptor;
import dev.transferkit.conformance.spec.SpecValidator;
import dev.transferkit.conformance.spec.Violation;
import dev.transferkit.conformance.targets.Fixtures;
import dev.transferkit.conformance.targets.Provider;
import dev.transferkit.conformance.targets.Target;
import dev.transferkit.streambird.StreambirdClient;
import dev.transferkit.wyre.WyreClient;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * What one run of the suite shares across scenarios: the target, one client per provider (built
 * through the facades, each with the spec-checking interceptor), the sandbox control and the
 * webhook receiver. Set up by the {@code @BeforeAll} hook from the settings of that moment, so a
 * test can launch the suite again with other settings.
 */
final class Conformance {
  private static volatile Conformance current;

  final Target target;
  final Fixtures fixtures;
  final SandboxControl control;
  final WebhookReceiver webhooks;
  private final Map<Provider, SpecCheckingInterceptor> checks = new EnumMap<>(Provider.class);
  private final OkHttpClient http = new OkHttpClient();
  private CircleClient circle;
  private WyreClient wyre;
  private StreambirdClient streambird;

  private Conformance(Target target) {
    this.target = target;
    this.fixtures = target.isLocal() ? Fixtures.identity() : Fixtures.fromSettings();
    this.control = target.isLocal() ? new SandboxControl(target.sandbox().adminBaseUrl()) : null;
    this.webhooks = target.isLocal() ? WebhookReceiver.start() : null;
  }

  static synchronized void start() {
    current = new Conformance(Target.fromSettings());
  }

  static synchronized void stop() {
    if (current != null && current.webhooks != null) {
      current.webhooks.close();
    }
    current = null;
  }

  static Conformance get() {
    Conformance c = current;
    if (c == null) {
      throw new IllegalStateException("the conformance run is not set up (no @BeforeAll hook ran)");
    }
    return c;
  }

  synchronized CircleClient circle() {
    if (circle == null) {
      Target.Endpoint e = endpoint(Provider.CIRCLE);
      CircleClient.Builder b = CircleClient.builder().apiKey(e.credentials().apiKey());
      List<String> bases = new ArrayList<>();
      if (e.baseUrl() != null) {
        b.baseUrl(e.baseUrl());
        bases.add(e.baseUrl());
      } else {
        bases.add(CircleClient.Environment.SANDBOX.accountsBaseUrl());
        bases.add(CircleClient.Environment.SANDBOX.walletsBaseUrl());
      }
      circle = b.httpClient(checked(Provider.CIRCLE, bases)).build();
    }
    return circle;
  }

  /** A Circle client with another API key (another entity), same target and checks. */
  CircleClient circleWithKey(String apiKey) {
    Target.Endpoint e = endpoint(Provider.CIRCLE);
    CircleClient.Builder b = CircleClient.builder().apiKey(apiKey);
    if (e.baseUrl() != null) {
      b.baseUrl(e.baseUrl());
    }
    circle(); // registers the interceptor
    return b.httpClient(
            http.newBuilder().addNetworkInterceptor(checks.get(Provider.CIRCLE)).build())
        .build();
  }

  synchronized WyreClient wyre() {
    if (wyre == null) {
      Target.Endpoint e = endpoint(Provider.WYRE);
      WyreClient.Builder b =
          WyreClient.builder().hmac(e.credentials().apiKey(), e.credentials().secret());
      if (target.isLocal()) {
        b.clock(target.sandbox().clock()); // HMAC timestamps on the sandbox's (moved) clock
      }
      String base = e.baseUrl() != null ? e.baseUrl() : WyreClient.Environment.SANDBOX.baseUrl();
      if (e.baseUrl() != null) {
        b.baseUrl(e.baseUrl());
      }
      wyre = b.httpClient(checked(Provider.WYRE, List.of(base))).build();
    }
    return wyre;
  }

  synchronized StreambirdClient streambird() {
    if (streambird == null) {
      Target.Endpoint e = endpoint(Provider.STREAMBIRD);
      StreambirdClient.Builder b = StreambirdClient.builder().apiKey(e.credentials().apiKey());
      String base =
          e.baseUrl() != null ? e.baseUrl() : StreambirdClient.Environment.SANDBOX.baseUrl();
      if (e.baseUrl() != null) {
        b.baseUrl(e.baseUrl());
      }
      streambird = b.httpClient(checked(Provider.STREAMBIRD, List.of(base))).build();
    }
    return streambird;
  }

  /** Spec violations of every exchange since the last call. */
  List<Violation> drainViolations() {
    List<Violation> all = new ArrayList<>();
    checks.values().forEach(c -> all.addAll(c.drain()));
    return all;
  }

  private Target.Endpoint endpoint(Provider provider) {
    return target
        .endpoint(provider)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    target
                        .missingReason(provider)
                        .orElse(provider.displayName() + " is not configured")));
  }

  private OkHttpClient checked(Provider provider, List<String> baseUrls) {
    SpecCheckingInterceptor check =
        new SpecCheckingInterceptor(
            SpecValidator.forProvider(provider.name().toLowerCase(java.util.Locale.ROOT)),
            baseUrls,
            target.isLocal() ? target.sandbox()::responseViolations : List::of);
    checks.put(provider, check);
    return http.newBuilder().addNetworkInterceptor(check).build();
  }
}
