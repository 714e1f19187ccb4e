package dev.transferkit.conformance.pact;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import dev.transferkit.sandbox.SandboxSeed;
import dev.transferkit.streambird.StreambirdClient;
import dev.transferkit.streambird.model.ConfirmTransferRequest;
import dev.transferkit.streambird.model.CreateTransferRequest;
import dev.transferkit.streambird.model.CreateWalletRequest;
import dev.transferkit.streambird.model.Currency;
import dev.transferkit.streambird.model.WalletType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/** The streambird-transfers pact verified against the sandbox. */
@Provider("streambird-transfers")
@PactFolder("target/pacts")
class StreambirdProviderIT extends SandboxProviderVerification {
  @Override
  String baseUrl() {
    return provider.sandbox.streambirdBaseUrl();
  }

  @State(StreambirdPactTest.SEEDED)
  public void seeded() {
    provider.control.reset();
  }

  @State("the user's XLM wallet holding 100 XLM")
  public Map<String, Object> xlmWallet() {
    provider.control.reset();
    String id =
        streambird()
            .wallets()
            .createWallet(
                CreateWalletRequest.builder()
                    .walletType(WalletType.XLM)
                    .userId(StreambirdPactTest.USER)
                    .build())
            .execute()
            .getId();
    provider.control.setStreambirdBalance(id, "XLM", new BigDecimal("100"));
    return Map.of("xlmWalletId", id);
  }

  @State("an unconfirmed transfer of the docs' request")
  public Map<String, Object> unconfirmed() {
    provider.control.reset();
    return Map.of("transferId", create());
  }

  @State("a completed transfer of the docs' request")
  public Map<String, Object> completed() {
    provider.control.reset();
    String id = create();
    streambird()
        .transfers()
        .confirmTransfer(
            id, ConfirmTransferRequest.builder().userId(StreambirdPactTest.USER).build())
        .execute();
    provider.control.advanceClock(Duration.ofSeconds(60));
    return Map.of("transferId", id);
  }

  @State("an expired transfer of the docs' request")
  public Map<String, Object> expired() {
    provider.control.reset();
    String id = create();
    provider.control.advanceClock(Duration.ofMinutes(3));
    return Map.of("transferId", id);
  }

  private static String create() {
    return streambird()
        .transfers()
        .createTransfer(
            CreateTransferRequest.builder()
                .destCurrency(Currency.SOL)
                .source(SandboxSeed.STREAMBIRD_SOL_WALLET_ID)
                .dest(StreambirdPactTest.DEST)
                .sourceAmount(new BigDecimal("0.005"))
                .notes("test")
                .amountIncludesFees(true)
                .userId(StreambirdPactTest.USER)
                .build())
        .execute()
        .getId();
  }

  private static StreambirdClient streambird() {
    return StreambirdClient.builder()
        .apiKey(SandboxSeed.STREAMBIRD_API_KEY)
        .baseUrl(provider.sandbox.streambirdBaseUrl())
        .build();
  }
}
