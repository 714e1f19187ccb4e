/**
 * TransferKit's plumbing: not public API, may change in any release; excluded from Javadoc and from
 * API-compatibility checks. Non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.transferkit.core.internal;

import org.jspecify.annotations.NullMarked;
