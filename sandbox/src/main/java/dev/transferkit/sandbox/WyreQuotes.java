package dev.transferkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Wyre's pricing of a transfer, the quote step of {@code createTransfer}: a deterministic rate
 * table and fee schedule, the three documented Totals modes (sourceAmount with or without fees
 * included, destAmount), the source and destination checks, and the rate lock that sets the expiry.
 */
final class WyreQuotes {
  static final Duration FIAT_LOCK = Duration.ofMinutes(15);

  static final Duration CRYPTO_EXCHANGE_LOCK = Duration.ofMinutes(10);

  static final BigDecimal MOVEMENT_FEE_RATE = new BigDecimal("0.005");

  static final BigDecimal EXCHANGE_FEE_RATE = new BigDecimal("0.0075");

  static final int RATE_SCALE = 12;

  /**
   * The rate table: each currency's decimal places, USD price and whether it is a crypto currency.
   */
  record Currency(String code, int scale, BigDecimal usdPrice, boolean crypto) {}

  static final Map<String, Currency> CURRENCIES = new LinkedHashMap<>();

  static {
    for (Currency c :
        List.of(
            new Currency("USD", 2, new BigDecimal("1"), false),
            new Currency("EUR", 2, new BigDecimal("1.10"), false),
            new Currency("GBP", 2, new BigDecimal("1.25"), false),
            new Currency("CNY", 2, new BigDecimal("0.14"), false),
            new Currency("USDC", 6, new BigDecimal("1"), true),
            new Currency("USDT", 6, new BigDecimal("1"), true),
            new Currency("BTC", 8, new BigDecimal("50000"), true),
            new Currency("ETH", 18, new BigDecimal("2500"), true),
            new Currency("XLM", 7, new BigDecimal("0.40"), true))) {
      CURRENCIES.put(c.code(), c);
    }
  }

  private static final Set<String> INTERNAL_TYPES = Set.of("account", "wallet", "paymentmethod");

  private static final Set<String> EXTERNAL_TYPES =
      Set.of("bitcoin", "ethereum", "stellar", "email", "cellphone", "contact");

  private final Engine engine;
  private final WyreBooks books;

  WyreQuotes(Engine engine, WyreBooks books) {
    this.engine = engine;
    this.books = books;
  }

  private static Currency currency(String code, String field) {
    Currency c = CURRENCIES.get(code);
    if (c == null) {
      throw Errors.wyre(
          400,
          "ValidationException",
          "UNSUPPORTED_SOURCE_CURRENCY",
          "validation.unsupportedCurrency",
          "Unsupported currency " + code + "; the sandbox knows " + CURRENCIES.keySet(),
          field,
          code);
    }
    return c;
  }

  private static BigDecimal amount(JsonNode body, String field, Currency c) {
    String text = Json.str(body, field);
    BigDecimal a;
    try {
      a = Json.decimal(text);
    } catch (RuntimeException e) {
      throw Errors.wyreValidation(field + " is not a decimal number", field, text);
    }
    if (a.signum() <= 0) {
      throw Errors.wyre(
          400,
          "ValidationException",
          "TRANSACTION_AMOUNT_TOO_SMALL",
          "validation.transactionAmountTooSmall",
          field + " must be greater than 0",
          field,
          text);
    }
    if (a.stripTrailingZeros().scale() > c.scale()) {
      throw Errors.wyreValidation(
          field + " has more decimal places than " + c.code() + " allows (" + c.scale() + ")",
          field,
          text);
    }
    return a.setScale(Math.max(c.scale(), 0), RoundingMode.UNNECESSARY);
  }

  /**
   * Exchange rate source -> dest: USD price of source / USD price of dest, 12 decimals, half-even,
   * no trailing 0s.
   */
  static BigDecimal rate(Currency from, Currency to) {
    return from.usdPrice()
        .divide(to.usdPrice(), RATE_SCALE, RoundingMode.HALF_EVEN)
        .stripTrailingZeros();
  }

  /**
   * The transfer a create request asks for, priced and checked, not yet stored: its amounts, fee,
   * rate and expiry. Called under the engine's lock.
   */
  WyreApi.Transfer quote(Call call, String acting) {
    JsonNode body = call.json();
    // Exactly one of sourceAmount and destAmount: the spec's oneOf, checked before this runs.
    boolean hasSource = body.hasNonNull("sourceAmount");
    boolean hasDest = body.hasNonNull("destAmount");
    boolean includesFees = body.path("amountIncludesFees").asBoolean(false);
    if (hasDest && includesFees) {
      throw Errors.wyreValidation(
          "amountIncludesFees=true applies to sourceAmount only; with destAmount the"
              + " destination receives exactly destAmount and fees are added to the source",
          "amountIncludesFees",
          "true");
    }
    Currency src = currency(body.path("sourceCurrency").asText(), "sourceCurrency");
    Currency dst =
        currency(
            Objects.requireNonNullElse(Json.str(body, "destCurrency"), src.code()), "destCurrency");

    WyreApi.Transfer t = new WyreApi.Transfer();
    t.source = Objects.requireNonNullElse(Json.str(body, "source"), "account:" + acting);
    String owner = books.holderOwner.get(t.source);
    if (owner == null || !books.actsFor(acting, owner)) {
      throw Errors.wyreValidation(
          "Unknown source " + t.source + " for this account", "source", t.source);
    }
    t.dest = body.path("dest").asText();
    int colon = t.dest.indexOf(':');
    String type = colon < 0 ? "" : t.dest.substring(0, colon);
    if (INTERNAL_TYPES.contains(type)) {
      if (!books.holderOwner.containsKey(t.dest)) {
        throw Errors.wyreValidation("Unknown destination " + t.dest, "dest", t.dest);
      }
      t.destInternal = true;
    } else if (!EXTERNAL_TYPES.contains(type) || t.dest.length() == colon + 1) {
      throw Errors.wyreValidation(
          "dest must be an SRN such as account:AC_..., paymentmethod:PA_...,"
              + " bitcoin:<address> or stellar:<address>:<memo>",
          "dest",
          t.dest);
    } else if ((type.equals("bitcoin") && !dst.code().equals("BTC"))
        || (type.equals("stellar") && !dst.code().equals("XLM"))) {
      throw Errors.wyreValidation(
          "A " + type + " destination receives only its own currency, not " + dst.code(),
          "destCurrency",
          dst.code());
    }
    if (t.source.equals(t.dest)) {
      // The docs' example C exchanges within one account (source and dest are the same account):
      // allowed.
      if (src.code().equals(dst.code())) {
        throw Errors.wyre(
            400,
            "ValidationException",
            "CANNOT_SEND_SELF_FUNDS",
            "validation.cannotSendSelfFunds",
            "Source and destination are the same and no exchange happens",
            "dest",
            t.dest);
      }
    }
    boolean exchange = !src.code().equals(dst.code());
    BigDecimal feeRate = exchange ? EXCHANGE_FEE_RATE : MOVEMENT_FEE_RATE;
    BigDecimal rate = exchange ? rate(src, dst) : BigDecimal.ONE;
    if (hasSource && !includesFees) {
      t.net = amount(body, "sourceAmount", src);
      t.fee = t.net.multiply(feeRate).setScale(src.scale(), RoundingMode.HALF_UP);
      t.destAmount = t.net.multiply(rate).setScale(dst.scale(), RoundingMode.DOWN);
    } else if (hasSource) {
      BigDecimal total = amount(body, "sourceAmount", src);
      t.net = total.divide(BigDecimal.ONE.add(feeRate), src.scale(), RoundingMode.DOWN);
      t.fee = total.subtract(t.net);
      t.destAmount = t.net.multiply(rate).setScale(dst.scale(), RoundingMode.DOWN);
    } else {
      t.destAmount = amount(body, "destAmount", dst);
      t.net = t.destAmount.divide(rate, src.scale(), RoundingMode.UP);
      t.fee = t.net.multiply(feeRate).setScale(src.scale(), RoundingMode.HALF_UP);
    }
    if (t.destAmount.signum() <= 0) {
      throw Errors.wyre(
          400,
          "ValidationException",
          "TRANSACTION_AMOUNT_TOO_SMALL",
          "validation.transactionAmountTooSmall",
          "The amount is too small to transfer",
          "sourceAmount",
          null);
    }
    t.sourceAmount = t.net.add(t.fee);
    t.sourceCurrency = src.code();
    t.destCurrency = dst.code();
    t.exchangeRate = exchange ? rate : null;
    t.id = "TF_" + Errors.randomId(11);
    t.owner = "account:" + acting;
    t.message = Json.str(body, "message");
    t.customId = Json.str(body, "customId");
    t.notifyUrl = Json.str(body, "notifyUrl");
    t.createdAt = engine.now();
    boolean cryptoExchange = exchange && (src.crypto() || dst.crypto());
    t.expiresAt = t.createdAt.plus(cryptoExchange ? CRYPTO_EXCHANGE_LOCK : FIAT_LOCK);
    return t;
  }
}
