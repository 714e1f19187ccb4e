package dev.transferkit.specs;

import java.util.List;

/**
 * The providers of the contract and the spec files of each, relative to {@code specs/} (in the
 * repository and on the classpath): the one index from a provider to its spec files.
 */
public enum Provider {
  CIRCLE(
      "circle",
      List.of(
          "circle/user-controlled-wallets.yaml",
          "circle/digital-asset-accounts.yaml",
          "circle/payouts.yaml")),
  WYRE("wyre", List.of("wyre/transfers.yaml")),
  STREAMBIRD("streambird", List.of("streambird/transfers.yaml"));

  private final String id;
  private final List<String> specFiles;

  Provider(String id, List<String> specFiles) {
    this.id = id;
    this.specFiles = specFiles;
  }

  /** Lower-case name, also the directory of its specs ({@code circle}). */
  public String id() {
    return id;
  }

  /** Its spec files, relative to {@code specs/}, e.g. {@code circle/payouts.yaml}. */
  public List<String> specFiles() {
    return specFiles;
  }

  /** Every spec file of every provider. */
  public static List<String> allSpecFiles() {
    return java.util.Arrays.stream(values()).flatMap(p -> p.specFiles.stream()).toList();
  }
}
