package dev.transferkit.sandbox;

import java.util.List;

/**
 * A response the sandbox produced that does not keep the contract in specs/: a sandbox bug or a
 * spec bug, either way something a test should fail on. Immutable.
 *
 * @param provider {@code circle}, {@code wyre} or {@code streambird}
 * @param method the HTTP method of the request
 * @param path the provider path of the request (without the sandbox prefix)
 * @param status the status the sandbox meant to send
 * @param problems what the validator found, one line each
 * @param body the response body the sandbox meant to send
 */
public record ResponseViolation(
    String provider, String method, String path, int status, List<String> problems, String body) {
  public ResponseViolation {
    problems = List.copyOf(problems);
  }

  @Override
  public String toString() {
    return method
        + " /"
        + provider
        + path
        + " -> "
        + status
        + ": "
        + String.join("; ", problems)
        + "\n  body: "
        + body;
  }
}
