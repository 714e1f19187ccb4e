package dev.transferkit.wyre.webhook;

import static dev.transferkit.core.testing.RoundTrip.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.transferkit.core.exception.TransferKitException;
import dev.transferkit.wyre.model.Transfer;
import dev.transferkit.wyre.model.TransferStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WyreCallbacksTest {
  @Test
  void transferStatusCallbackIsParsedWithExactAmounts() {
    byte[] body =
        resource(getClass(), "/payloads/response-c.json").getBytes(StandardCharsets.UTF_8);

    Transfer callback = WyreCallbacks.parseTransferCallback(body);

    assertEquals("TF_7TPGHZHXFM9", callback.getId());
    assertEquals(TransferStatus.PENDING, callback.getStatus());
    assertEquals(new BigDecimal("125.676558230530760993"), callback.getDestAmount());
    assertEquals(1626401267000L, callback.getCreatedAtInstant().toEpochMilli());
  }

  @Test
  void garbageIsRejected() {
    assertThrows(
        TransferKitException.class,
        () -> WyreCallbacks.parseTransferCallback("not json".getBytes(StandardCharsets.UTF_8)));
    assertThrows(
        TransferKitException.class,
        () -> WyreCallbacks.parseTransferCallback("null".getBytes(StandardCharsets.UTF_8)));
  }
}
