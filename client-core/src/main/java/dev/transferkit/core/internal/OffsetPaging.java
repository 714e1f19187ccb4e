package dev.transferkit.core.internal;

import dev.transferkit.core.AutoPaging;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Auto-paging for offset/limit lists (Wyre {@code offset}/{@code length}, Streambird {@code offset}/{@code limit}). */
public final class OffsetPaging {
  private OffsetPaging() {}

  /**
   * All items, fetching {@code pageSize} at a time from offset 0. A server that ignores the offset (answers the same
   * page again) ends the iteration with a {@link dev.transferkit.core.exception.PagingException}.
   *
   * @param operation the list operation, for error messages
   * @param pageSize items per request
   * @param fetch calls the list operation for (offset, limit)
   * @param items the items of a response
   * @param total the number of items matching the filters that the response reports, or null when it reports none
   *     (iteration then stops at the first empty page)
   * @param <R> the list response type
   * @param <T> the item type
   */
  public static <R, T> AutoPaging<T> of(String operation,
      int pageSize, BiFunction<Integer, Integer, R> fetch, Function<R, List<T>> items, Function<R, Long> total) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be >= 1, was " + pageSize);
    }
    return Paging.of(operation, 0, cursor -> {
      int offset = Objects.requireNonNull(cursor, "offset"); // 0, then each page's end: never null
      R response = fetch.apply(offset, pageSize);
      List<T> page = items.apply(response);
      if (page == null || page.isEmpty()) {
        return Page.last(page == null ? List.of() : page);
      }
      int next = offset + page.size();
      Long t = total.apply(response);
      // Without a total, a short page does not prove the end (the provider may cap the page size): stop at an
      // empty page instead.
      boolean done = t != null && next >= t;
      return done ? Page.last(page) : Page.of(page, next);
    });
  }
}
