package dev.transferkit.circle.webhook;

import dev.transferkit.circle.wallets.model.ChallengeNotification;
import dev.transferkit.circle.wallets.model.TransactionNotification;

/**
 * A parsed Circle v2 webhook notification: exactly one of {@link #transaction()}, {@link #challenge()} and
 * {@link #unknown()} is non-null, as {@link #kind()} says. Immutable.
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
  private final String notificationType;
  private final String notificationId;
  private final TransactionNotification transaction;
  private final ChallengeNotification challenge;
  private final UnknownNotification unknown;

  private CircleNotification(Kind kind, String type, String id, TransactionNotification transaction,
      ChallengeNotification challenge, UnknownNotification unknown) {
    this.kind = kind;
    this.notificationType = type;
    this.notificationId = id;
    this.transaction = transaction;
    this.challenge = challenge;
    this.unknown = unknown;
  }

  static CircleNotification of(String type, String id, TransactionNotification n) {
    return new CircleNotification(Kind.TRANSACTION, type, id, n, null, null);
  }

  static CircleNotification of(String type, String id, ChallengeNotification n) {
    return new CircleNotification(Kind.CHALLENGE, type, id, null, n, null);
  }

  static CircleNotification of(UnknownNotification n) {
    return new CircleNotification(Kind.UNKNOWN, n.notificationType(), n.notificationId(), null, null, n);
  }

  public Kind kind() {
    return kind;
  }

  /** The {@code notificationType} as sent, e.g. {@code transactions.outbound}. */
  public String notificationType() {
    return notificationType;
  }

  /** The {@code notificationId}: identical across delivery retries, so use it to de-duplicate. */
  public String notificationId() {
    return notificationId;
  }

  /** The transaction notification, or null unless {@link Kind#TRANSACTION}. */
  public TransactionNotification transaction() {
    return transaction;
  }

  /** The challenge notification, or null unless {@link Kind#CHALLENGE}. */
  public ChallengeNotification challenge() {
    return challenge;
  }

  /** The raw notification, or null unless {@link Kind#UNKNOWN}. */
  public UnknownNotification unknown() {
    return unknown;
  }

  @Override
  public String toString() {
    return "CircleNotification{kind=" + kind + ", notificationType=" + notificationType + ", notificationId="
        + notificationId + "}";
  }
}
