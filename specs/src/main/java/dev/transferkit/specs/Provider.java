package dev.transferkit.specs;

import java.util.List;

/**
 * The providers of the contract and the spec files of each, relative to {@code specs/} (in the
 * repository and on the classpath): the one index from a provider to its spec files.
 *
 * <p>A provider's spec files are its APIs (each with operations); its shared files hold only
 * components that those specs reference with {@code $ref: '<file>#/components/...'} (Circle's
 * {@code circle/common.yaml}). {@link SpecLoader#parse} resolves such references, so users of the
 * spec files never read a shared file themselves.
 */
public enum Provider {
  CIRCLE(
      "circle",
      List.of(
          "circle/user-controlled-wallets.yaml",
          "circle/digital-asset-accounts.yaml",
          "circle/payouts.yaml"),
      List.of("circle/common.yaml")),
  WYRE("wyre", List.of("wyre/transfers.yaml"), List.of()),
  STREAMBIRD("streambird", List.of("streambird/transfers.yaml"), List.of());

  private final String id;
  private final List<String> specFiles;
  private final List<String> sharedFiles;

  Provider(String id, List<String> specFiles, List<String> sharedFiles) {
    this.id = id;
    this.specFiles = specFiles;
    this.sharedFiles = sharedFiles;
  }

  /** Lower-case name, also the directory of its specs ({@code circle}). */
  public String id() {
    return id;
  }

  /**
   * Its spec files (its APIs, each with operations), relative to {@code specs/}, e.g. {@code
   * circle/payouts.yaml}.
   */
  public List<String> specFiles() {
    return specFiles;
  }

  /**
   * Its components-only files that its spec files reference (no operations), relative to {@code
   * specs/}, e.g. {@code circle/common.yaml}; empty for most providers.
   */
  public List<String> sharedFiles() {
    return sharedFiles;
  }

  /** Every spec file of every provider (not the shared files). */
  public static List<String> allSpecFiles() {
    return java.util.Arrays.stream(values()).flatMap(p -> p.specFiles.stream()).toList();
  }

  /** Every shared (components-only) file of every provider. */
  public static List<String> allSharedFiles() {
    return java.util.Arrays.stream(values()).flatMap(p -> p.sharedFiles.stream()).toList();
  }
}
