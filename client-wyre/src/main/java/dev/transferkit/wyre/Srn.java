package dev.transferkit.wyre;

import dev.transferkit.core.internal.Stellar;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Wyre SRN (System Resource Name), {@code type:identifier}: what Wyre's {@code source}, {@code
 * dest} and {@code masqueradeAs} take. {@link #parse} checks the documented types: {@code
 * account:AC_...}, {@code wallet:WA_...}, {@code paymentmethod:PA_...}, {@code transfer:TF_...}
 * (ids with {@code _} or the older {@code -}), {@code email:}, {@code bitcoin:}, {@code
 * ethereum:0x...} (40 hex digits) and {@code stellar:ADDRESS[:MEMO]} (a checksummed G... account
 * id, optional memo of at most 28 bytes). Other types ({@code contact:}, {@code cellphone:}, {@code
 * service:}...) are accepted with any non-empty identifier.
 *
 * <p>Immutable; {@link #toString()} gives the SRN text. Equal SRNs have equal text.
 */
public final class Srn {
  public static final String ACCOUNT = "account";
  public static final String WALLET = "wallet";
  public static final String PAYMENT_METHOD = "paymentmethod";
  public static final String TRANSFER = "transfer";
  public static final String EMAIL = "email";
  public static final String BITCOIN = "bitcoin";
  public static final String ETHEREUM = "ethereum";
  public static final String STELLAR = "stellar";

  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9]*");
  private static final Pattern WYRE_ID = Pattern.compile("[A-Za-z0-9]+");
  private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern ETHEREUM_ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern BITCOIN_ADDRESS = Pattern.compile("[a-zA-Z0-9]{25,90}");

  private final String type;
  private final String identifier;
  private final @Nullable String memo;

  private Srn(String type, String identifier, @Nullable String memo) {
    this.type = type;
    this.identifier = identifier;
    this.memo = memo;
  }

  /**
   * Parses and validates an SRN.
   *
   * @throws IllegalArgumentException naming the problem, e.g. {@code Invalid SRN 'account:XY_1': an
   *     account id looks like AC_XXXXXXXXXXX}
   */
  public static Srn parse(String srn) {
    Objects.requireNonNull(srn, "srn");
    int colon = srn.indexOf(':');
    if (colon <= 0) {
      throw invalid(srn, "expected type:identifier, e.g. account:AC_XXXXXXXXXXX");
    }
    String type = srn.substring(0, colon);
    String rest = srn.substring(colon + 1);
    if (!TYPE.matcher(type).matches()) {
      throw invalid(srn, "the type '" + type + "' must be lowercase letters and digits");
    }
    if (rest.isEmpty()) {
      throw invalid(srn, "the identifier after '" + type + ":' is empty");
    }
    if (type.equals(STELLAR)) {
      int memoColon = rest.indexOf(':');
      String address = memoColon < 0 ? rest : rest.substring(0, memoColon);
      String memo = memoColon < 0 ? null : rest.substring(memoColon + 1);
      return stellar(srn, address, memo);
    }
    return of(srn, type, rest);
  }

  /** {@code account:<id>}. */
  public static Srn account(String id) {
    return of(null, ACCOUNT, id);
  }

  /** {@code wallet:<id>}. */
  public static Srn wallet(String id) {
    return of(null, WALLET, id);
  }

  /** {@code paymentmethod:<id>}. */
  public static Srn paymentMethod(String id) {
    return of(null, PAYMENT_METHOD, id);
  }

  /** {@code transfer:<id>}. */
  public static Srn transfer(String id) {
    return of(null, TRANSFER, id);
  }

  /** {@code email:<address>}. */
  public static Srn email(String address) {
    return of(null, EMAIL, address);
  }

  /** {@code bitcoin:<address>}. */
  public static Srn bitcoin(String address) {
    return of(null, BITCOIN, address);
  }

  /** {@code ethereum:<0x address>}. */
  public static Srn ethereum(String address) {
    return of(null, ETHEREUM, address);
  }

  /** {@code stellar:<address>:<memo>}, or {@code stellar:<address>} when memo is null. */
  public static Srn stellar(String address, @Nullable String memo) {
    return stellar(null, address, memo);
  }

  private static Srn stellar(@Nullable String text, String address, @Nullable String memo) {
    Objects.requireNonNull(address, "address");
    String where = text != null ? text : STELLAR + ":" + address + (memo == null ? "" : ":" + memo);
    String problem = Stellar.accountIdProblem(address);
    if (problem != null) {
      throw invalid(where, problem);
    }
    if (memo != null) {
      String memoProblem = Stellar.memoProblem(memo);
      if (memoProblem != null) {
        throw invalid(where, memoProblem);
      }
    }
    return new Srn(STELLAR, address, memo);
  }

  private static Srn of(@Nullable String text, String type, String id) {
    Objects.requireNonNull(id, "identifier");
    String where = text != null ? text : type + ":" + id;
    if (id.isEmpty()) {
      throw invalid(where, "the identifier is empty");
    }
    switch (type) {
      case ACCOUNT:
        requireWyreId(where, id, "AC", "an account");
        break;
      case WALLET:
        requireWyreId(where, id, "WA", "a wallet");
        break;
      case PAYMENT_METHOD:
        requireWyreId(where, id, "PA", "a payment method");
        break;
      case TRANSFER:
        requireWyreId(where, id, "TF", "a transfer");
        break;
      case EMAIL:
        if (!EMAIL_ADDRESS.matcher(id).matches()) {
          throw invalid(where, "'" + id + "' is not an email address");
        }
        break;
      case BITCOIN:
        if (!BITCOIN_ADDRESS.matcher(id).matches()) {
          throw invalid(where, "a bitcoin address is 25 to 90 letters and digits");
        }
        break;
      case ETHEREUM:
        if (!ETHEREUM_ADDRESS.matcher(id).matches()) {
          throw invalid(where, "an ethereum address is 0x followed by 40 hex digits");
        }
        break;
      case STELLAR:
        return stellar(text, id, null);
      default:
        if (id.trim().isEmpty() || id.indexOf('\n') >= 0) {
          throw invalid(where, "the identifier is blank");
        }
    }
    return new Srn(type, id, null);
  }

  private static void requireWyreId(String where, String id, String prefix, String what) {
    boolean ok =
        id.length() > 3
            && id.startsWith(prefix)
            && (id.charAt(2) == '_' || id.charAt(2) == '-')
            && WYRE_ID.matcher(id.substring(3)).matches();
    if (!ok) {
      throw invalid(where, what + " id looks like " + prefix + "_XXXXXXXXXXX, not '" + id + "'");
    }
  }

  private static IllegalArgumentException invalid(String srn, String problem) {
    return new IllegalArgumentException("Invalid SRN '" + srn + "': " + problem);
  }

  /** The type, e.g. {@code account}. */
  public String type() {
    return type;
  }

  /** The identifier after the type (for stellar, the address without the memo). */
  public String identifier() {
    return identifier;
  }

  /** The Stellar memo, or null. */
  public @Nullable String memo() {
    return memo;
  }

  /** True for the blockchain address types (bitcoin, ethereum, stellar). */
  public boolean isBlockchainAddress() {
    return type.equals(BITCOIN) || type.equals(ETHEREUM) || type.equals(STELLAR);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Srn && o.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /** The SRN text, e.g. {@code account:AC_XXXXXXXXXXX} or {@code stellar:G...:MEMO}. */
  @Override
  public String toString() {
    return type + ":" + identifier + (memo == null ? "" : ":" + memo);
  }
}
