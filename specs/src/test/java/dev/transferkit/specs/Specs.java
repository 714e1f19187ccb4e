package dev.transferkit.specs;

import java.util.List;

/** The specs of the contract, relative to specs/. */
final class Specs {
  static final List<String> ALL = List.of(
      "circle/user-controlled-wallets.yaml",
      "circle/digital-asset-accounts.yaml",
      "circle/payouts.yaml",
      "wyre/transfers.yaml",
      "streambird/transfers.yaml");

  private Specs() {}
}
