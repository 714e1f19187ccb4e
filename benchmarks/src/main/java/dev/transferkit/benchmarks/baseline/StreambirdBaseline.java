package dev.transferkit.benchmarks.baseline;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.squareup.moshi.Json;
import java.math.BigDecimal;

/**
 * A hand-written POJO equivalent to the generated Streambird transfer, used by both baselines.
 * Amounts are {@link BigDecimal} sent as JSON strings; enum values are {@link String}; null fields
 * are written.
 */
public final class StreambirdBaseline {
  private StreambirdBaseline() {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  public static final class Transfer {
    public String id;

    @JsonProperty("app_id")
    @Json(name = "app_id")
    public String appId;

    @JsonProperty("user_id")
    @Json(name = "user_id")
    public String userId;

    public String status;
    public String source;

    @JsonProperty("source_amount")
    @Json(name = "source_amount")
    @JsonFormat(shape = JsonFormat.Shape.STRING)
    public BigDecimal sourceAmount;

    public String dest;

    @JsonProperty("dest_amount")
    @Json(name = "dest_amount")
    @JsonFormat(shape = JsonFormat.Shape.STRING)
    public BigDecimal destAmount;

    @JsonProperty("dest_currency")
    @Json(name = "dest_currency")
    public String destCurrency;

    @JsonProperty("source_currency")
    @Json(name = "source_currency")
    public String sourceCurrency;

    @JsonProperty("custom_id")
    @Json(name = "custom_id")
    public String customId;

    @JsonProperty("total_fees")
    @Json(name = "total_fees")
    @JsonFormat(shape = JsonFormat.Shape.STRING)
    public BigDecimal totalFees;

    public String notes;

    @JsonProperty("blockchain_tx_hash")
    @Json(name = "blockchain_tx_hash")
    public String blockchainTxHash;

    @JsonProperty("completed_at")
    @Json(name = "completed_at")
    public Long completedAt;

    @JsonProperty("cancelled_at")
    @Json(name = "cancelled_at")
    public Long cancelledAt;

    @JsonProperty("expires_at")
    @Json(name = "expires_at")
    public Long expiresAt;

    @JsonProperty("created_at")
    @Json(name = "created_at")
    public Long createdAt;

    @JsonProperty("updated_at")
    @Json(name = "updated_at")
    public Long updatedAt;
  }
}
