/**
 * Webhook verification and payload parsing for this provider. Non-null unless marked
 * {@code @Nullable}.
 */
@NullMarked
package dev.transferkit.circle.webhook;

import org.jspecify.annotations.NullMarked;
