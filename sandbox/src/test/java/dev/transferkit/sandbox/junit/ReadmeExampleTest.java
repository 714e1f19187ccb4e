package dev.transferkit.sandbox.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.sandbox.SandboxClock;
import dev.transferkit.sandbox.SandboxSeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@SandboxTest(clockAt = "2026-03-15T12:00:00Z")
class ReadmeExampleTest {
  private static final String SOURCE_USD =
      "\"account:" + SandboxSeed.CIRCLE_SOURCE_ACCOUNT + "\":{\"USD\":";
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aTransferMovesMoneyBetweenTwoAccounts(SandboxUrls urls, SandboxSeed seed, SandboxAdmin admin)
      throws Exception {
    HttpRequest create =
        HttpRequest.newBuilder(URI.create(urls.circle() + "/v1/accounts/transfers"))
            .header("Authorization", "Bearer " + seed.circleApiKey())
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    """
            {"idempotencyKey": "6c3f2b1e-8a4d-4f7e-9b2a-1d5c8e3f7a90",
             "source": {"type": "account", "id": "%s"},
             "destination": {"type": "account", "id": "%s"},
             "amount": {"amount": "25.00", "currency": "USD"}}"""
                        .formatted(
                            SandboxSeed.CIRCLE_SOURCE_ACCOUNT,
                            SandboxSeed.CIRCLE_DESTINATION_ACCOUNT)))
            .build();
    HttpResponse<String> created = http.send(create, HttpResponse.BodyHandlers.ofString());
    assertEquals(201, created.statusCode(), created.body());
    assertTrue(
        admin.get("ledger").contains(SOURCE_USD + "\"9975.00\""), "the source account was debited");
  }

  @Test
  void eachTestStartsFromTheSeedAndTheClockMovesOnlyWhenAsked(
      SandboxAdmin admin, SandboxClock clock) {
    assertTrue(
        admin.get("ledger").contains(SOURCE_USD + "\"10000.00\""), "back to the seeded balance");
    Instant before = clock.instant();
    admin.advanceClock(Duration.ofMinutes(5));
    assertEquals(before.plus(Duration.ofMinutes(5)), clock.instant());
  }
}
