package dev.transferkit.conformance.pact;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.transferkit.sandbox.SandboxSeed;
import dev.transferkit.wyre.WyreClient;
import dev.transferkit.wyre.model.CreateTransferRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** The wyre-transfers pact verified against the sandbox. */
@Provider("wyre-transfers")
@PactFolder("target/pacts")
class WyreProviderIT extends SandboxProviderVerification {
  @Override
  String baseUrl() {
    return provider.sandbox.wyreBaseUrl();
  }

  @State(WyrePactTest.FUNDED)
  public void funded() {
    provider.control.reset();
  }

  @State("an unconfirmed transfer of 200 USD")
  public Map<String, Object> unconfirmed() {
    provider.control.reset();
    return Map.of("transferId", quote());
  }

  @State("a completed transfer of 200 USD")
  public Map<String, Object> completed() {
    provider.control.reset();
    String id = quote();
    wyre().transfers().confirmTransfer(id).execute();
    provider.control.advanceClock(Duration.ofSeconds(90));
    return Map.of("transferId", id);
  }

  @State("an expired transfer of 200 USD")
  public Map<String, Object> expired() {
    provider.control.reset();
    String id = quote();
    provider.control.advanceClock(Duration.ofMinutes(16));
    return Map.of("transferId", id);
  }

  private static String quote() {
    return wyre()
        .transfers()
        .createTransfer(
            CreateTransferRequest.builder()
                .source(WyrePactTest.SUB)
                .sourceCurrency("USD")
                .sourceAmount(new BigDecimal("200"))
                .dest(WyrePactTest.PM)
                .destCurrency("USD")
                .autoConfirm(false)
                .build())
        .execute()
        .getId();
  }

  private static WyreClient wyre() {
    return WyreClient.builder()
        .secretKey(SandboxSeed.WYRE_SECRET_KEY)
        .baseUrl(provider.sandbox.wyreBaseUrl())
        .build();
  }
}
