package dev.transferkit.conformance.report;

import dev.transferkit.core.exception.ApiException;
import dev.transferkit.core.exception.TransferKitException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Why a scenario failed, in one paragraph a person reads first: a conformance failure as it is
 * (spec file, operation, field, value); an exception from the client with its type, HTTP status,
 * provider code and message ahead of its advice text, also when it is the cause of a step's
 * assertion; anything else by its message.
 */
public final class Failures {
  private Failures() {}

  public static String describe(Throwable error) {
    if (error == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    if (!(error instanceof TransferKitException)) {
      parts.add(
          error.getMessage() == null
              ? error.getClass().getSimpleName()
              : error.getMessage().strip());
    }
    Throwable t = error;
    for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
      if (t instanceof TransferKitException client) {
        parts.add((parts.isEmpty() ? "" : "caused by ") + client(client));
      }
    }
    return String.join("\n", parts);
  }

  /**
   * {@code ServerException (HTTP 500, provider code 2, request id r-1): the provider's message: the
   * advice}.
   */
  static String client(TransferKitException e) {
    StringBuilder b = new StringBuilder(e.getClass().getSimpleName());
    String providerMessage = null;
    if (e instanceof ApiException api) {
      b.append(String.format(Locale.ROOT, " (HTTP %d", api.httpStatus()));
      if (api.providerCode() != null) {
        b.append(", provider code ").append(api.providerCode());
      }
      if (api.requestId() != null) {
        b.append(", request id ").append(api.requestId());
      }
      b.append(')');
      providerMessage = api.providerMessage();
    }
    b.append(": ");
    if (providerMessage != null
        && e.getMessage() != null
        && !e.getMessage().contains(providerMessage)) {
      b.append(providerMessage).append(" -- ");
    }
    return b.append(e.getMessage() == null ? "" : e.getMessage().strip()).toString();
  }
}
