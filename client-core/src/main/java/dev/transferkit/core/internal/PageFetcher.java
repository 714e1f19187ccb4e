package dev.transferkit.core.internal;

import org.jspecify.annotations.Nullable;

/**
 * Fetches one page of a list.
 *
 * @param <C> the cursor type
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageFetcher<C, T> {
  /**
   * Fetches the page at {@code cursor}.
   *
   * @param cursor the page to fetch: the first cursor given to {@link AutoPaging#of}, then each
   *     page's {@link Page#next()}
   */
  Page<C, T> fetch(@Nullable C cursor);
}
