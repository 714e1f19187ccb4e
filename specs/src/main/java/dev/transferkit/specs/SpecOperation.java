package dev.transferkit.specs;

/**
 * One operation of a spec: where it is defined and how it is addressed.
 *
 * @param provider the provider whose spec defines it
 * @param specFile the spec file, relative to {@code specs/} ({@code circle/payouts.yaml})
 * @param method the HTTP method, upper case
 * @param path the path template as the spec writes it ({@code /v1/payouts/{id}})
 * @param operationId the spec's operationId
 * @param authenticated false when the operation's {@code security} is empty (e.g. a health check
 *     that needs no key)
 */
public record SpecOperation(
    Provider provider,
    String specFile,
    String method,
    String path,
    String operationId,
    boolean authenticated) {
  /** An operation that needs the provider's authentication. */
  public SpecOperation(
      Provider provider, String specFile, String method, String path, String operationId) {
    this(provider, specFile, method, path, operationId, true);
  }
}
