/**
 * The one exception hierarchy of every TransferKit client: HTTP status, provider error code and
 * message, request id. Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.transferkit.core.exception;

import org.jspecify.annotations.NullMarked;
