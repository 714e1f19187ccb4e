package dev.transferkit.benchmarks.baseline;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Hand-written POJOs equivalent to the generated Wyre models, used by both baselines. Amounts are
 * {@link BigDecimal} sent as JSON numbers; enum values are {@link String}. Wyre sends explicit
 * nulls, so null fields are written (neither baseline can tell an absent property from an explicit
 * null: see the README).
 */
public final class WyreBaseline {
  private WyreBaseline() {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public static final class StatusHistory {
    public String id;
    public String transferId;
    public Long createdAt;
    public String type;
    public Integer statusOrder;
    public String statusDetail;
    public String state;
    public String failedState;
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public static final class BlockchainTx {
    public String id;
    public String networkTxId;
    public Long blockTime;
    public String blockhash;
    public BigDecimal amount;
    public String address;
    public String memo;
    public Integer confirmations;
    public String direction;
    public String currency;
    public BigDecimal networkFee;
    public String sourceAddress;
    public String twinTxId;
  }

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public static final class Transfer {
    public String id;
    public String owner;
    public String source;
    public String dest;
    public BigDecimal sourceAmount;
    public String sourceCurrency;
    public BigDecimal destAmount;
    public String destCurrency;
    public String status;
    public String message;
    public String customId;
    public BigDecimal exchangeRate;
    public Long createdAt;
    public Long updatedAt;
    public Long completedAt;
    public Long cancelledAt;
    public Long expiresAt;
    public Long estimatedArrival;
    public Map<String, BigDecimal> fees;
    public BigDecimal totalFees;
    public String failureReason;
    public BlockchainTx blockchainTx;
    public String reversalReason;
    public String reversingSubStatus;
    public String pendingSubStatus;
    public List<StatusHistory> statusHistories;
  }
}
