package dev.transferkit.conformance.pact;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.transferkit.circle.CircleClient;
import dev.transferkit.circle.wallets.model.UserTokenRequest;
import dev.transferkit.sandbox.SandboxSeed;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * The circle-wallets pact verified against the sandbox; user tokens and the key id come from the
 * states.
 */
@Provider("circle-wallets")
@PactFolder("target/pacts")
class CircleWalletsProviderIT extends SandboxProviderVerification {
  @Override
  String baseUrl() {
    return provider.sandbox.circleBaseUrl();
  }

  @State(CircleWalletsPactTest.USER_WITH_WALLET)
  public Map<String, Object> userWithWallet() {
    provider.control.reset();
    provider.control.setCircleWalletTokenBalance(
        SandboxSeed.CIRCLE_WALLET_ID, SandboxSeed.CIRCLE_USDC_TOKEN_ID, new BigDecimal("10"));
    return Map.of("userToken", userToken());
  }

  @State("a notification signing key")
  public Map<String, Object> signingKey() {
    provider.control.reset();
    return Map.of("keyId", provider.sandbox.seed().circleNotificationKeyId());
  }

  @State("an expired user token of user " + SandboxSeed.CIRCLE_USER_ID)
  public Map<String, Object> expiredToken() {
    provider.control.reset();
    String token = userToken();
    provider.control.advanceClock(Duration.ofMinutes(61));
    return Map.of("expiredUserToken", token);
  }

  /** Issued by the API itself (nothing else can issue one). */
  private static String userToken() {
    CircleClient circle =
        CircleClient.builder()
            .apiKey(SandboxSeed.CIRCLE_API_KEY)
            .baseUrl(provider.sandbox.circleBaseUrl())
            .build();
    return circle
        .users()
        .getUserToken(UserTokenRequest.builder().userId(SandboxSeed.CIRCLE_USER_ID).build())
        .execute()
        .getUserToken();
  }
}
