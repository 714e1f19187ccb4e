package dev.transferkit.core.internal;

import dev.transferkit.core.AutoPaging;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Auto-paging for offset lists ({@code x-transferkit-paging} style {@code offset} in the spec: Wyre
 * {@code offset}/{@code length}, Streambird {@code offset}/{@code limit}); the generated {@code
 * listAll...} methods call it. Not public API.
 */
public final class OffsetPaging {
  private OffsetPaging() {}

  /**
   * All items from offset {@code first}, each page asked for at the offset after the items received
   * so far (so a page size the caller sets, or the provider's default or cap, all work). A server
   * that ignores the offset (answers the same page again) ends the iteration with a {@link
   * dev.transferkit.core.exception.PagingException}.
   *
   * @param operation the list operation, for error messages
   * @param first the offset of the first page (0 for the start of the list)
   * @param fetch calls the list operation at an offset and answers its result
   * @param items the items of an answer (null: none)
   * @param total the number of items matching the filters that the answer reports, or null when it
   *     reports none (iteration then stops at the first empty page)
   * @param <R> the list call's answer
   * @param <T> the item type
   * @return the items, fetched page by page as they are consumed
   */
  public static <R, T> AutoPaging<T> of(
      String operation,
      int first,
      Function<Integer, R> fetch,
      Function<R, @Nullable List<T>> items,
      Function<R, @Nullable Number> total) {
    if (first < 0) {
      throw new IllegalArgumentException("offset must be >= 0, was " + first);
    }
    return Paging.of(
        operation,
        first,
        cursor -> {
          int offset =
              Objects.requireNonNull(cursor, "offset"); // first, then each page's end: never null
          R response = fetch.apply(offset);
          List<T> page = response == null ? null : items.apply(response);
          if (page == null || page.isEmpty()) {
            return Page.last(page == null ? List.<T>of() : page);
          }
          int next = offset + page.size();
          Number t = total.apply(response);
          // Without a total, a short page does not prove the end (the provider may cap the page
          // size): stop at an
          // empty page instead.
          boolean done = t != null && next >= t.longValue();
          return done ? Page.last(page) : Page.of(page, next);
        });
  }
}
