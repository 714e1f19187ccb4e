/**
 * What every TransferKit client shares: calls, responses, per-request options, retries, paging,
 * timestamps. Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.transferkit.core;

import org.jspecify.annotations.NullMarked;
