package dev.transferkit.circle.webhook;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A Circle notification of a type this SDK has no model for (e.g. {@code webhooks.test}, {@code
 * contracts.*}), kept as the raw JSON it arrived in. Immutable.
 */
public final class UnknownNotification {
  private final @Nullable String notificationType;
  private final @Nullable String notificationId;
  private final String rawJson;

  UnknownNotification(
      @Nullable String notificationType, @Nullable String notificationId, String rawJson) {
    this.notificationType = notificationType;
    this.notificationId = notificationId;
    this.rawJson = Objects.requireNonNull(rawJson, "rawJson");
  }

  public @Nullable String notificationType() {
    return notificationType;
  }

  public @Nullable String notificationId() {
    return notificationId;
  }

  /** The whole envelope exactly as received (UTF-8 decoded). */
  public String rawJson() {
    return rawJson;
  }

  @Override
  public String toString() {
    return "UnknownNotification{notificationType="
        + notificationType
        + ", notificationId="
        + notificationId
        + "}";
  }
}
