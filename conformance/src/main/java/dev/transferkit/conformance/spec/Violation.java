package dev.transferkit.conformance.spec;

/**
 * One way an exchanged request or response breaks the spec.
 *
 * @param operation the spec's operationId (or {@code METHOD path} when the spec has no such operation)
 * @param where {@code request} or {@code response <status>}
 * @param field a JSON pointer into the body, a parameter or header name, or empty for the message as a whole
 * @param value the offending value as sent (JSON text), or empty when the field is absent
 * @param message the validator's explanation
 * @param status the HTTP status the exchange ended with
 */
public record Violation(String operation, String where, String field, String value, String message, int status) {
  /** A problem of the request that the provider refused with a 4xx: what a deliberately invalid request gets. */
  public boolean refusedRequest() {
    return where.equals("request") && status >= 400 && status < 500;
  }

  @Override
  public String toString() {
    return "conformance failure: " + operation + " " + where
        + (field.isEmpty() ? "" : ": field " + field + (value.isEmpty() ? " (absent)" : " = " + value))
        + ": " + message;
  }
}
