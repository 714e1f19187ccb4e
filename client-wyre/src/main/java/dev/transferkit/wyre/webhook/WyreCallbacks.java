package dev.transferkit.wyre.webhook;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import dev.transferkit.core.exception.TransferKitException;
import dev.transferkit.core.internal.Json;
import dev.transferkit.wyre.model.Transfer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Parses the transfer status callbacks Wyre POSTs to a transfer's {@code notifyUrl}.
 *
 * <p>Wyre documents no signature for these callbacks, so anyone who learns the URL can post to it.
 * Treat a callback as a hint only: fetch the transfer with {@code
 * wyre.transfers().getTransfer(callback.getId())} and act on what Wyre returns. Use a hard-to-guess
 * notifyUrl as well.
 *
 * <p>Thread-safe (stateless).
 */
public final class WyreCallbacks {
  private static final JsonAdapter<Transfer> ADAPTER = Json.moshi().adapter(Transfer.class);

  private WyreCallbacks() {}

  /**
   * The callback body as a {@link Transfer} (amounts exact, timestamps epoch milliseconds).
   *
   * @throws TransferKitException if the body is not JSON or does not match the contract
   */
  public static Transfer parseTransferCallback(byte[] rawBody) {
    Objects.requireNonNull(rawBody, "rawBody");
    try {
      Transfer callback = ADAPTER.fromJson(new String(rawBody, StandardCharsets.UTF_8));
      if (callback == null) {
        throw new TransferKitException("Wyre transfer callback is JSON null");
      }
      return callback;
    } catch (IOException | JsonDataException e) {
      throw new TransferKitException(
          "Wyre transfer callback does not match the contract: " + e.getMessage(), e);
    }
  }
}
