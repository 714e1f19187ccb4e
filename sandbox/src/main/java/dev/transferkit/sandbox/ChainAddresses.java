package dev.transferkit.sandbox;

import java.util.regex.Pattern;

/**
 * The address formats of the chains the sandbox's providers send to, in one place: Circle's wallets
 * and Streambird's both check destinations against them. Shape checks only (no checksums): the
 * providers' own sandboxes accept any well-formed address.
 */
final class ChainAddresses {
  /** Ethereum and the other EVM chains: 0x and 20 bytes in hex. */
  static final Pattern EVM = Pattern.compile("^0x[0-9a-fA-F]{40}$");

  /** Solana: 32 to 44 base58 characters. */
  static final Pattern SOLANA = Pattern.compile("^[1-9A-HJ-NP-Za-km-z]{32,44}$");

  /** Bitcoin mainnet and testnet: bech32 (bc1/tb1) or legacy base58 (1, 3, m, n). */
  static final Pattern BITCOIN =
      Pattern.compile("^((bc1|tb1)[02-9ac-hj-np-z]{11,71}|[123mn][1-9A-HJ-NP-Za-km-z]{25,34})$");

  /** Polkadot: SS58, 46 to 48 base58 characters. */
  static final Pattern POLKADOT = Pattern.compile("^[1-9A-HJ-NP-Za-km-z]{46,48}$");

  /** Stellar account ids: G and 55 base32 characters. */
  static final Pattern STELLAR = Pattern.compile("^G[A-Z2-7]{55}$");

  private ChainAddresses() {}
}
