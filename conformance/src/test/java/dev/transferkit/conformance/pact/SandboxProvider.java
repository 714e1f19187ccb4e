package dev.transferkit.conformance.pact;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import dev.transferkit.conformance.control.SandboxControl;
import dev.transferkit.sandbox.Sandbox;
import dev.transferkit.sandbox.SandboxClock;
import java.net.URI;

/**
 * The embedded sandbox as the provider of pact verifications: one per verification class, frozen
 * clock, strict responses; provider states arrange data through its admin API ({@link
 * SandboxControl}) and, where only the API itself can make an object (a transfer, a user token),
 * through the generated clients.
 */
final class SandboxProvider implements AutoCloseable {
  final Sandbox sandbox;
  final SandboxControl control;

  SandboxProvider() {
    sandbox =
        Sandbox.builder()
            .port(0)
            .strictResponses(true)
            .clock(SandboxClock.frozenAtNow())
            .build()
            .start();
    control = new SandboxControl(sandbox.adminBaseUrl());
  }

  /**
   * Points the verification at one provider's prefix ({@code /circle}, {@code /wyre}, {@code
   * /streambird}).
   */
  void target(PactVerificationContext context, String baseUrl) {
    URI uri = URI.create(baseUrl);
    String path =
        uri.getPath().endsWith("/")
            ? uri.getPath().substring(0, uri.getPath().length() - 1)
            : uri.getPath();
    context.setTarget(new HttpTestTarget(uri.getHost(), uri.getPort(), path));
  }

  @Override
  public void close() {
    sandbox.close();
  }
}
