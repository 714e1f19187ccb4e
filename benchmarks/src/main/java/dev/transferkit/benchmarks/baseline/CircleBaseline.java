package dev.transferkit.benchmarks.baseline;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * Hand-written POJOs equivalent to the generated Circle models (accounts and payouts), used by both
 * baselines: Jackson databind (public fields) and Moshi's reflective {@code ClassJsonAdapter}.
 * Amounts are {@link BigDecimal} sent as JSON strings; timestamps and enum values are kept as
 * {@link String} (no validation: less work than our models). Circle omits absent properties rather
 * than sending null, so null fields are not written.
 */
public final class CircleBaseline {
  private CircleBaseline() {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class Money {
    @JsonFormat(shape = JsonFormat.Shape.STRING)
    public BigDecimal amount;

    public String currency;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class AccountLocation {
    public String type;
    public String id;
    public String address;
    public String addressTag;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class AccountTransfer {
    public String id;
    public String status;
    public Money amount;
    public AccountLocation source;
    public AccountLocation destination;
    public List<Money> fees;
    public String transactionHash;
    public String errorCode;
    public String createDate;
    public String updateDate;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class AccountTransferResponse {
    public AccountTransfer data;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class Balances {
    public List<Money> available;
    public List<Money> unsettled;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class BalancesResponse {
    public Balances data;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class PayoutDestination {
    public String type;
    public String id;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class RiskEvaluation {
    public String decision;
    public String reason;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class Payout {
    public String id;
    public String sourceWalletId;
    public PayoutDestination destination;
    public Money amount;
    public Money toAmount;
    public Money fees;
    public Money networkFees;
    public String purposeOfTransfer;
    public String status;
    public String errorCode;
    public RiskEvaluation riskEvaluation;
    public String createDate;
    public String updateDate;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static final class PayoutResponse {
    public Payout data;
  }
}
