package dev.transferkit.sandbox;

/**
 * What exists when the sandbox starts (and again after a reset): API keys and the accounts, users,
 * wallets and balances used by the providers' own documentation examples, so those examples work
 * verbatim.
 *
 * <p>Immutable and thread-safe.
 */
public final class SandboxSeed {
  // ------------------------------------------------------------------ Circle
  /** Circle API key of the entity that owns every Circle object of the docs' examples. */
  public static final String CIRCLE_API_KEY = "TEST_API_KEY:sandbox:circle-key-1";

  /**
   * A second Circle API key owning only {@link #CIRCLE_OTHER_ACCOUNT}: the first key's ids give 404
   * with it.
   */
  public static final String CIRCLE_OTHER_API_KEY = "TEST_API_KEY:sandbox:circle-key-2";

  /** Circle API key of a CIRCLE_SG entity, for which payouts require {@code purposeOfTransfer}. */
  public static final String CIRCLE_SG_API_KEY = "TEST_API_KEY:sandbox:circle-sg-key";

  /** Digital Asset Account holding 10000.00 USD (the internal-transfer guide's source). */
  public static final String CIRCLE_SOURCE_ACCOUNT = "1017381855";

  /** Digital Asset Account holding 0.00 USD (the internal-transfer guide's destination). */
  public static final String CIRCLE_DESTINATION_ACCOUNT = "1000661542";

  /** Account of {@link #CIRCLE_OTHER_API_KEY}, holding 500.00 USD. */
  public static final String CIRCLE_OTHER_ACCOUNT = "1000000002";

  /**
   * Default payout wallet of {@link #CIRCLE_API_KEY}, holding 10000.00 USD (the payout example's
   * sourceWalletId).
   */
  public static final String CIRCLE_PAYOUT_WALLET = "53535335";

  /** Default payout wallet of {@link #CIRCLE_SG_API_KEY}, holding 1000.00 USD. */
  public static final String CIRCLE_SG_PAYOUT_WALLET = "53535336";

  /** Address-book recipient of the payout example (ETH address, active). */
  public static final String CIRCLE_ADDRESS_BOOK_ID = "b8627ae8-732b-4d25-b947-1df8f4007a29";

  /** Address-book recipient whose payouts are denied by risk screening (reason 4000). */
  public static final String CIRCLE_DENIED_ADDRESS_BOOK_ID = "de11ed00-0000-4000-8000-000000000001";

  /** Address-book recipient of {@link #CIRCLE_SG_API_KEY}. */
  public static final String CIRCLE_SG_ADDRESS_BOOK_ID = "5a000000-0000-4000-8000-000000000001";

  /** W3S end user of the outbound-transfer guide. */
  public static final String CIRCLE_USER_ID = "2f1dcb5e-312a-4b15-8240-abeffc0e3463";

  /** The user's MATIC-AMOY wallet (address {@link #CIRCLE_WALLET_ADDRESS}). */
  public static final String CIRCLE_WALLET_ID = "01899cf2-d415-7052-a207-f9862157e546";

  public static final String CIRCLE_WALLET_ADDRESS = "0xca9142d0b9804ef5e239d3bc1c7aa0d1c74e7350";

  /** USDC on MATIC-AMOY; the seeded wallet holds 10 of it. */
  public static final String CIRCLE_USDC_TOKEN_ID = "38f2ad29-a77b-5a44-be05-8d03923878a2";

  /** The native MATIC-AMOY coin; the seeded wallet holds 6.62607015 of it. */
  public static final String CIRCLE_NATIVE_TOKEN_ID = "5666d523-abe3-4f35-b8e7-6a50211fca1a";

  /**
   * A W3S transfer to this address ends FAILED (errorReason FAILED_ON_CHAIN) after SENT; funds are
   * returned.
   */
  public static final String CIRCLE_FAILING_ADDRESS = "0xfa11ed0000000000000000000000000000000001";

  /** A W3S transfer to this address is DENIED by screening after QUEUED; funds are returned. */
  public static final String CIRCLE_DENIED_ADDRESS = "0xde11ed0000000000000000000000000000000001";

  // ------------------------------------------------------------------ Wyre
  /** Wyre API key (HMAC mode) of account {@link #WYRE_ACCOUNT}. */
  public static final String WYRE_API_KEY = "AK-SANDBOX-WYRE-0001";

  /** Wyre secret key of account {@link #WYRE_ACCOUNT}: Bearer token, and the HMAC key. */
  public static final String WYRE_SECRET_KEY = "SK-SANDBOX-WYRE-0001-secret";

  /**
   * A second Wyre key pair, of account {@link #WYRE_OTHER_ACCOUNT}, which owns none of the first's
   * objects.
   */
  public static final String WYRE_OTHER_API_KEY = "AK-SANDBOX-WYRE-0002";

  public static final String WYRE_OTHER_SECRET_KEY = "SK-SANDBOX-WYRE-0002-secret";

  /** The master account (owner in the docs' example A), holding 10000.00 USD. */
  public static final String WYRE_ACCOUNT = "AC_XXXXXXXX1";

  /** Sub-account of {@link #WYRE_ACCOUNT} (source of example A), holding 5000.00 USD. */
  public static final String WYRE_SUB_ACCOUNT = "AC_XXXXXXXX2";

  /** Sub-account of {@link #WYRE_ACCOUNT} (example C), holding 1.00000000 BTC. */
  public static final String WYRE_BTC_ACCOUNT = "AC_ZW2JME83HMZ";

  /** Wallet of {@link #WYRE_ACCOUNT} (source of example B), holding 1000.000000 USDT. */
  public static final String WYRE_WALLET = "WA_XXXXXXXXX";

  /**
   * Bank payment method of {@link #WYRE_ACCOUNT} (destination of example A), holding 2500.00 USD.
   */
  public static final String WYRE_PAYMENT_METHOD = "PA_LXXXXXXXX";

  /**
   * Second bank payment method of {@link #WYRE_ACCOUNT} (destination of example B), holding 2500.00
   * USD.
   */
  public static final String WYRE_PAYMENT_METHOD_2 = "PA_2XXXXXXXXX";

  /** Account of {@link #WYRE_OTHER_API_KEY}, holding 1000.00 USD. */
  public static final String WYRE_OTHER_ACCOUNT = "AC_OTHERACCT1";

  // ------------------------------------------------------------------ Streambird
  /** Streambird secret key of app {@link #STREAMBIRD_APP_ID}. */
  public static final String STREAMBIRD_API_KEY = "sk_test_sandbox_app1_0000000000000";

  /** Streambird secret key of a second app that owns none of the first app's objects. */
  public static final String STREAMBIRD_OTHER_API_KEY = "sk_test_sandbox_app2_0000000000000";

  public static final String STREAMBIRD_APP_ID = "app_25ldv51seNohTaYRsxdfoxMlAa2";
  public static final String STREAMBIRD_USER_ID = "user_2DJJeF75Jd2NIj6NyJMxEw0pXiA";

  /** SOL wallet of {@link #STREAMBIRD_USER_ID}, holding 14.8232 SOL. */
  public static final String STREAMBIRD_SOL_WALLET_ID = "wallet_2DJJmE5IhB1M7I8jJ7JuyCiOtiC";

  public static final String STREAMBIRD_SOL_WALLET_ADDRESS =
      "8gRkHyxuGuQ7rBfzEvoNzBPiQjG6FSh4F4HbtYs2vYiJ";
  public static final String STREAMBIRD_OTHER_APP_ID = "app_2SandboxSecondApp000000000";
  public static final String STREAMBIRD_OTHER_USER_ID = "user_2SandboxSecondUser00000000";

  /** SOL wallet of the second app's user, holding 1 SOL. */
  public static final String STREAMBIRD_OTHER_SOL_WALLET_ID = "wallet_2SandboxSecondWallet000000";

  private final String notificationKeyId;

  SandboxSeed(String notificationKeyId) {
    this.notificationKeyId = notificationKeyId;
  }

  public String circleApiKey() {
    return CIRCLE_API_KEY;
  }

  public String circleOtherApiKey() {
    return CIRCLE_OTHER_API_KEY;
  }

  public String wyreApiKey() {
    return WYRE_API_KEY;
  }

  public String wyreSecretKey() {
    return WYRE_SECRET_KEY;
  }

  public String streambirdApiKey() {
    return STREAMBIRD_API_KEY;
  }

  /**
   * Id of the key Circle webhook notifications are signed with ({@code X-Circle-Key-Id}); new per
   * sandbox.
   */
  public String circleNotificationKeyId() {
    return notificationKeyId;
  }

  /** A readable summary of the seeded keys, printed by the standalone server. */
  public String describe() {
    return String.join(
        "\n",
        "Circle     API key            "
            + CIRCLE_API_KEY
            + "   (accounts "
            + CIRCLE_SOURCE_ACCOUNT
            + " 10000.00 USD, "
            + CIRCLE_DESTINATION_ACCOUNT
            + " 0.00 USD; W3S user "
            + CIRCLE_USER_ID
            + ")",
        "Circle     second API key     " + CIRCLE_OTHER_API_KEY,
        "Circle     CIRCLE_SG API key  "
            + CIRCLE_SG_API_KEY
            + "   (payouts require purposeOfTransfer)",
        "Circle     webhook key id     " + notificationKeyId,
        "Wyre       API key / secret   "
            + WYRE_API_KEY
            + " / "
            + WYRE_SECRET_KEY
            + "   (account "
            + WYRE_ACCOUNT
            + ")",
        "Wyre       second key/secret  " + WYRE_OTHER_API_KEY + " / " + WYRE_OTHER_SECRET_KEY,
        "Streambird secret key         "
            + STREAMBIRD_API_KEY
            + "   (app "
            + STREAMBIRD_APP_ID
            + ")",
        "Streambird second secret key  " + STREAMBIRD_OTHER_API_KEY);
  }
}
