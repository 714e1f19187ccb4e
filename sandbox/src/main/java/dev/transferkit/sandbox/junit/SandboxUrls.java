package dev.transferkit.sandbox.junit;

/**
 * The base URLs of a running sandbox: the providers' without a trailing '/', as the providers
 * document theirs (see {@link dev.transferkit.sandbox.Sandbox#circleBaseUrl()}); the admin API's
 * ending with '/'.
 *
 * @param circle Circle's APIs: append e.g. {@code /v1/accounts/transfers}
 * @param wyre Wyre's API: append e.g. {@code /v3/transfers}
 * @param streambird Streambird's API: append e.g. {@code /v1/transfers/create}
 * @param admin the sandbox's admin API: append e.g. {@code ledger}
 */
public record SandboxUrls(String circle, String wyre, String streambird, String admin) {}
