package dev.transferkit.circle.webhook;

import dev.transferkit.circle.wallets.model.ChallengeNotification;
import dev.transferkit.circle.wallets.model.TransactionNotification;
import org.jspecify.annotations.Nullable;

/**
 * A parsed Circle v2 webhook notification: exactly one of {@link #transaction()}, {@link
 * #challenge()} and {@link #unknown()} is non-null, as {@link #kind()} says. Immutable.
 *
 * <pre>{@code
 * switch (n.kind()) {
 *   case TRANSACTION: handle(n.transaction().getNotification()); break;
 *   case CHALLENGE: handle(n.challenge().getNotification()); break;
 *   default: log(n.notificationType());
 * }
 * }</pre>
 */
public final class CircleNotification {
  /** Which model the notification was parsed into. */
  public enum Kind {
    /** {@code transactions.*}: a {@link TransactionNotification}. */
    TRANSACTION,
    /** {@code challenges.*}: a {@link ChallengeNotification}. */
    CHALLENGE,
    /** Any other type: an {@link UnknownNotification} with the raw JSON. */
    UNKNOWN
  }

  private final Kind kind;
  private final @Nullable String notificationType;
  private final @Nullable String notificationId;
  private final @Nullable TransactionNotification transaction;
  private final @Nullable ChallengeNotification challenge;
  private final @Nullable UnknownNotification unknown;

  private CircleNotification(
      Kind kind,
      @Nullable String type,
      @Nullable String id,
      @Nullable TransactionNotification transaction,
      @Nullable ChallengeNotification challenge,
      @Nullable UnknownNotification unknown) {
    this.kind = kind;
    this.notificationType = type;
    this.notificationId = id;
    this.transaction = transaction;
    this.challenge = challenge;
    this.unknown = unknown;
  }

  static CircleNotification of(String type, @Nullable String id, TransactionNotification n) {
    return new CircleNotification(Kind.TRANSACTION, type, id, n, null, null);
  }

  static CircleNotification of(String type, @Nullable String id, ChallengeNotification n) {
    return new CircleNotification(Kind.CHALLENGE, type, id, null, n, null);
  }

  static CircleNotification of(UnknownNotification n) {
    return new CircleNotification(
        Kind.UNKNOWN, n.notificationType(), n.notificationId(), null, null, n);
  }

  public Kind kind() {
    return kind;
  }

  /**
   * The {@code notificationType} as sent, e.g. {@code transactions.outbound}; null when it was not
   * a string.
   */
  public @Nullable String notificationType() {
    return notificationType;
  }

  /**
   * The {@code notificationId}: identical across delivery retries, so use it to de-duplicate; null
   * when it was not a string.
   */
  public @Nullable String notificationId() {
    return notificationId;
  }

  /** The transaction notification, or null unless {@link Kind#TRANSACTION}. */
  public @Nullable TransactionNotification transaction() {
    return transaction;
  }

  /** The challenge notification, or null unless {@link Kind#CHALLENGE}. */
  public @Nullable ChallengeNotification challenge() {
    return challenge;
  }

  /** The raw notification, or null unless {@link Kind#UNKNOWN}. */
  public @Nullable UnknownNotification unknown() {
    return unknown;
  }

  @Override
  public String toString() {
    return "CircleNotification{kind="
        + kind
        + ", notificationType="
        + notificationType
        + ", notificationId="
        + notificationId
        + "}";
  }
}
