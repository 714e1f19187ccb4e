package dev.transferkit.core.internal;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Stellar account ids (StrKey "G..." public keys) and memos, for the Wyre SRN and Streambird XLM
 * destination helpers. Not public API.
 */
public final class Stellar {
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final int ACCOUNT_ID_VERSION = 6 << 3; // 'G'

  /** Longest text memo Stellar accepts, in UTF-8 bytes. */
  public static final int MAX_MEMO_BYTES = 28;

  private Stellar() {}

  /**
   * Null when {@code address} is a valid Stellar account id (G..., 56 chars, correct checksum),
   * else the problem.
   */
  public static @Nullable String accountIdProblem(String address) {
    if (address.length() != 56) {
      return "a Stellar account id has 56 characters, this one has " + address.length();
    }
    if (address.charAt(0) != 'G') {
      return "a Stellar account id starts with 'G'";
    }
    byte[] raw = new byte[35];
    long buffer = 0;
    int bits = 0;
    int out = 0;
    for (int i = 0; i < address.length(); i++) {
      int v = BASE32.indexOf(address.charAt(i));
      if (v < 0) {
        return "'" + address.charAt(i) + "' is not a base32 character (A-Z, 2-7)";
      }
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        raw[out++] = (byte) (buffer >> bits);
      }
    }
    if ((raw[0] & 0xff) != ACCOUNT_ID_VERSION) {
      return "not an account id (wrong version byte)";
    }
    int expected = crc16(raw, 33);
    int actual = (raw[33] & 0xff) | ((raw[34] & 0xff) << 8);
    return expected == actual ? null : "checksum mismatch (a character is mistyped)";
  }

  /**
   * Null when {@code memo} is an acceptable Stellar memo (1..28 UTF-8 bytes, no ':'), else the
   * problem.
   */
  public static @Nullable String memoProblem(String memo) {
    if (memo.isEmpty()) {
      return "the memo is empty";
    }
    if (memo.indexOf(':') >= 0) {
      return "the memo must not contain ':'";
    }
    int bytes = memo.getBytes(StandardCharsets.UTF_8).length;
    return bytes <= MAX_MEMO_BYTES
        ? null
        : "the memo has " + bytes + " bytes, Stellar allows " + MAX_MEMO_BYTES;
  }

  /** CRC16-XModem, as StrKey uses. */
  private static int crc16(byte[] data, int length) {
    int crc = 0;
    for (int i = 0; i < length; i++) {
      crc ^= (data[i] & 0xff) << 8;
      for (int b = 0; b < 8; b++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
        crc &= 0xffff;
      }
    }
    return crc;
  }
}
