package dev.transferkit.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The documented provider payloads the JSON benchmarks decode and re-encode (copied from the
 * clients' tests).
 */
public enum Payload {
  CIRCLE_ACCOUNT_TRANSFER("circle-account-transfer-response.json"),
  CIRCLE_ACCOUNT_BALANCES("circle-account-balances-response.json"),
  CIRCLE_PAYOUT("circle-payout-response.json"),
  WYRE_TRANSFER_C("wyre-transfer-response-c.json"),
  WYRE_TRANSFER_A("wyre-transfer-response-a.json"),
  STREAMBIRD_TRANSFER("streambird-transfer-response.json");

  private final String resource;

  Payload(String resource) {
    this.resource = resource;
  }

  public String resource() {
    return resource;
  }

  /** A fresh copy of the payload's UTF-8 bytes. */
  public byte[] bytes() {
    try (InputStream in = Payload.class.getResourceAsStream("/payloads/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource /payloads/" + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
