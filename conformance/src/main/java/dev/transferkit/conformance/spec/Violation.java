package dev.transferkit.conformance.spec;

/**
 * One way an exchanged request or response breaks the spec.
 *
 * @param spec the spec file that documents the path ({@code streambird/transfers.yaml}), or the
 *     provider's name when none does
 * @param operation the spec's operationId with {@code (METHOD path)}, or {@code METHOD path} when
 *     no spec has it
 * @param where {@code request} or {@code response <status>}
 * @param field a JSON pointer into the body, a parameter or header name, or empty for the message
 *     as a whole
 * @param value the offending value as sent (JSON text), or empty when the field is absent
 * @param message the validator's explanation
 * @param status the HTTP status the exchange ended with
 */
public record Violation(
    String spec,
    String operation,
    String where,
    String field,
    String value,
    String message,
    int status) {
  /**
   * A problem of the request that the provider refused with a 4xx: what a deliberately invalid
   * request gets.
   */
  public boolean refusedRequest() {
    return where.equals("request") && status >= 400 && status < 500;
  }

  /** A problem of the response: never excused, whatever the step expected. */
  public boolean inResponse() {
    return !where.equals("request");
  }

  @Override
  public String toString() {
    return "conformance failure: "
        + spec
        + " "
        + operation
        + " "
        + where
        + (field.isEmpty()
            ? ""
            : ": field " + field + (value.isEmpty() ? " (absent)" : " = " + value))
        + ": "
        + message;
  }
}
