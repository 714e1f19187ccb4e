package dev.transferkit.conformance.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What reports and recordings keep of an exchange: everything but the secrets. */
class RecordedExchangeTest {
  @Test
  void credentialsAndSecretFieldsAreMaskedIdsAndOtherValuesKept() {
    SpecValidator.Exchange raw =
        new SpecValidator.Exchange(
            "POST",
            "/v1/users/token",
            Map.of("timestamp", List.of("1700000000000")),
            Map.of(
                "Authorization",
                List.of("Bearer TEST_API_KEY:abc:def"),
                "X-Api-Signature",
                List.of("5d1c0f"),
                "X-Request-Id",
                List.of("r-1")),
            "{\"userId\":\"u-1\"}",
            200,
            Map.of(),
            "{\"data\":{\"userToken\":\"eyJhbGci.secret\",\"encryptionKey\":\"k3y\",\"id\":\"tok-1\"}}");

    RecordedExchange recorded =
        RecordedExchange.masked(
            "circle",
            new SpecValidator.Verdict(
                "circle/user-controlled-wallets.yaml", "getUserToken", List.of()),
            raw);

    SpecValidator.Exchange e = recorded.exchange();
    assertEquals(List.of("Bearer ****"), e.requestHeaders().get("Authorization"));
    assertEquals(List.of("****"), e.requestHeaders().get("X-Api-Signature"));
    assertEquals(List.of("r-1"), e.requestHeaders().get("X-Request-Id"));
    assertEquals(List.of("1700000000000"), e.query().get("timestamp"));
    assertEquals("{\"userId\":\"u-1\"}", e.requestBody());
    assertEquals(
        "{\"data\":{\"userToken\":\"****\",\"encryptionKey\":\"****\",\"id\":\"tok-1\"}}",
        e.responseBody());
  }

  @Test
  void amountsInAMaskedBodyKeepEveryDigitAndTheirForm() {
    String body =
        "{\"sourceAmount\":125.676558230530760993,\"fee\":2500.00,\"amount\":\"0.10\","
            + "\"userToken\":\"eyJ.secret\"}";
    SpecValidator.Exchange raw =
        new SpecValidator.Exchange(
            "GET", "/v3/transfers/TF_1", Map.of(), Map.of(), null, 200, Map.of(), body);

    RecordedExchange recorded =
        RecordedExchange.masked(
            "wyre",
            new SpecValidator.Verdict("wyre/transfers.yaml", "getTransfer", List.of()),
            raw);

    assertEquals(
        body.replace("eyJ.secret", "****"),
        recorded.exchange().responseBody(),
        "re-encoded because a secret was masked, every digit kept");
  }
}
