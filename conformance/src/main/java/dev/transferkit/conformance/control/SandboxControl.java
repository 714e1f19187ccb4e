package dev.transferkit.conformance.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The driver of the sandbox's admin API ({@code /__admin/}): what a person does outside the
 * provider's API in a walkthrough (funding an account, entering a PIN, waiting for the blockchain)
 * and what a real provider does not let a client do. Not a provider call, so it talks plain HTTP;
 * the conformance steps themselves use only the generated clients. Thread-safe.
 */
public final class SandboxControl {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI admin;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  /**
   * @param adminBaseUrl the sandbox's admin base URL ({@code http://127.0.0.1:<port>/__admin/})
   */
  public SandboxControl(String adminBaseUrl) {
    this.admin = URI.create(adminBaseUrl.endsWith("/") ? adminBaseUrl : adminBaseUrl + "/");
  }

  /** Back to the seed data (the clock keeps its time). */
  public void reset() {
    call("POST", "reset", JSON.createObjectNode());
  }

  /**
   * Moves the sandbox clock forward, running every lifecycle step, expiry and webhook due by then.
   */
  public void advanceClock(Duration duration) {
    call("POST", "clock/advance", JSON.createObjectNode().put("duration", duration.toString()));
  }

  /** Sets the available balance of a Circle Digital Asset Account. */
  public void setCircleAccountBalance(String accountId, BigDecimal amount, String currency) {
    call(
        "PUT",
        "circle/accounts/" + accountId + "/balance",
        JSON.createObjectNode().put("amount", amount.toPlainString()).put("currency", currency));
  }

  /** Sets a token balance of a Circle user-controlled wallet. */
  public void setCircleWalletTokenBalance(String walletId, String tokenId, BigDecimal amount) {
    call(
        "PUT",
        "circle/w3s/wallets/" + walletId + "/balance",
        JSON.createObjectNode().put("tokenId", tokenId).put("amount", amount.toPlainString()));
  }

  /** Completes a W3S challenge as the user's PIN entry in Circle's app would. */
  public void completeChallenge(String challengeId) {
    call("POST", "circle/w3s/challenges/" + challengeId + "/complete", JSON.createObjectNode());
  }

  /** Subscribes {@code endpoint} to Circle notifications (of every entity). */
  public void subscribeCircleNotifications(String endpoint) {
    call("POST", "circle/subscriptions", JSON.createObjectNode().put("endpoint", endpoint));
  }

  /**
   * Sets a Wyre holder's balance in one currency ({@code srn} like {@code account:AC_XXXXXXXX2}).
   */
  public void setWyreBalance(String srn, String currency, BigDecimal amount) {
    call(
        "PUT",
        "wyre/balance",
        JSON.createObjectNode()
            .put("srn", srn)
            .put("currency", currency)
            .put("amount", amount.toPlainString()));
  }

  /** Sets a Streambird wallet's balance of one token. */
  public void setStreambirdBalance(String walletId, String tokenSymbol, BigDecimal amount) {
    call(
        "PUT",
        "streambird/wallets/" + walletId + "/balance",
        JSON.createObjectNode()
            .put("token_symbol", tokenSymbol)
            .put("amount", amount.toPlainString()));
  }

  /** Any admin call; the JSON answer. */
  public JsonNode call(String method, String path, JsonNode body) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(admin.resolve(path))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json");
      b.method(
          method,
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      HttpResponse<String> response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(
            "sandbox admin "
                + method
                + " "
                + path
                + " answered "
                + response.statusCode()
                + ": "
                + response.body());
      }
      return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("sandbox admin " + method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
