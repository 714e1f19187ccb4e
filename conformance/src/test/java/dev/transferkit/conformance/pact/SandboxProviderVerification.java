package dev.transferkit.conformance.pact;

import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verifies the pact named by the subclass's {@code @Provider} (from {@code target/pacts}) against a
 * fresh embedded sandbox: each interaction is one test. Subclasses hold the {@code @State}
 * handlers.
 */
abstract class SandboxProviderVerification {
  static SandboxProvider provider;

  @BeforeAll
  static void startSandbox() {
    provider = new SandboxProvider();
  }

  @AfterAll
  static void stopSandbox() {
    provider.close();
  }

  /** The provider's base URL on the sandbox ({@code provider.sandbox.circleBaseUrl()}...). */
  abstract String baseUrl();

  @BeforeEach
  void target(PactVerificationContext context) {
    provider.target(context, baseUrl());
  }

  @TestTemplate
  @ExtendWith(PactVerificationInvocationContextProvider.class)
  void verify(PactVerificationContext context) {
    context.verifyInteraction();
  }
}
