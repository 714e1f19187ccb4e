package dev.transferkit.conformance.pact;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;

/**
 * The circle-payouts pact verified against the sandbox (the seed has both entities and recipients).
 */
@Provider("circle-payouts")
@PactFolder("target/pacts")
class CirclePayoutsProviderIT extends SandboxProviderVerification {
  @Override
  String baseUrl() {
    return provider.sandbox.circleBaseUrl();
  }

  @State("address book recipient " + CirclePayoutsPactTest.RECIPIENT + " and a funded wallet")
  public void recipientAndWallet() {
    provider.control.reset();
  }

  @State(
      "an entity that requires purposeOfTransfer, with recipient "
          + CirclePayoutsPactTest.SG_RECIPIENT)
  public void entityRequiringPurpose() {
    provider.control.reset();
  }
}
