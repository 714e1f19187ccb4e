package dev.transferkit.core.internal;

import dev.transferkit.core.ApiCall;
import dev.transferkit.core.ApiResponse;
import dev.transferkit.core.AutoPaging;
import dev.transferkit.core.exception.PagingException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link AutoPaging} views over a {@link PageFetcher}. Not public API.
 *
 * <p>Every iteration ends, whatever the server does: a next-page cursor already followed in the
 * same iteration (A, B, A...) or a non-empty page equal to the one before it (a server that ignores
 * the cursor or offset) ends it with a {@link PagingException} naming the operation, instead of
 * requesting pages forever.
 */
public final class Paging {
  private Paging() {}

  /**
   * All items, fetching page after page from {@code first} (the first page's cursor, may be null).
   *
   * @param operation the list operation, for the {@link PagingException} that stops a server's
   *     endless pages
   */
  public static <C, T> AutoPaging<T> of(
      String operation, @Nullable C first, PageFetcher<C, T> fetcher) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(fetcher, "fetcher");
    return AutoPaging.of(() -> new PagingIterator<>(operation, first, fetcher));
  }

  /**
   * All items of a cursor-paged list ({@code x-transferkit-paging} style {@code cursor} in the
   * spec; the generated {@code listAll...} methods call this). The cursor of the next page is the
   * {@code cursorParameter} of the response's {@code Link} header entry with {@code rel="next"}
   * (RFC 8288) when the server sends a {@code Link} header, and a {@code Link} header without
   * {@code rel="next"} marks the last page; without a {@code Link} header, the next cursor is the
   * last item's own cursor ({@code itemCursor}), until an empty page.
   *
   * @param operation the list operation, for the {@link PagingException} that stops a server's
   *     endless pages
   * @param cursorParameter the query parameter carrying the cursor (e.g. {@code pageAfter})
   * @param first the cursor of the first page, or null for the start of the list
   * @param fetch the list call for a cursor (null for the first page)
   * @param items the items of one answer (null: none)
   * @param itemCursor the cursor of the page that follows an item
   * @param <R> the list call's answer
   * @param <T> the item type
   * @return the items, fetched page by page as they are consumed
   */
  public static <R, T> AutoPaging<T> cursor(
      String operation,
      String cursorParameter,
      @Nullable String first,
      Function<@Nullable String, ApiCall<R>> fetch,
      Function<R, @Nullable List<T>> items,
      Function<T, @Nullable String> itemCursor) {
    Objects.requireNonNull(cursorParameter, "cursorParameter");
    return of(
        operation,
        first,
        (@Nullable String cursor) -> {
          ApiResponse<R> response = fetch.apply(cursor).executeForResponse();
          R body = response.body();
          List<T> page = body == null ? null : items.apply(body);
          if (page == null || page.isEmpty()) {
            return Page.last(page == null ? List.<T>of() : page);
          }
          String link = response.header("Link");
          if (link != null) {
            String next = LinkHeader.find(link, "next");
            String after = next == null ? null : LinkHeader.queryParameter(next, cursorParameter);
            return after == null ? Page.last(page) : Page.of(page, after);
          }
          return Page.of(page, itemCursor.apply(page.get(page.size() - 1)));
        });
  }

  private static final class PagingIterator<C, T> implements Iterator<T> {
    private final String operation;
    private final PageFetcher<C, T> fetcher;
    private final Deque<T> buffer = new ArrayDeque<>();
    private final Set<C> followed = new HashSet<>();
    private List<T> previous = List.of();
    private @Nullable C cursor;
    private boolean more = true;

    PagingIterator(String operation, @Nullable C first, PageFetcher<C, T> fetcher) {
      this.operation = operation;
      this.cursor = first;
      this.fetcher = fetcher;
    }

    @Override
    public boolean hasNext() {
      while (buffer.isEmpty() && more) {
        followed.add(cursor);
        Page<C, T> page = fetcher.fetch(cursor);
        if (page == null) {
          throw new IllegalStateException("PageFetcher returned null");
        }
        if (!page.items().isEmpty() && page.items().equals(previous)) {
          more = false;
          throw new PagingException(
              operation
                  + " returned the same page again for the next cursor ("
                  + cursor
                  + "): the server ignores the cursor or offset; stopping instead of fetching it forever",
              operation);
        }
        C next = page.next();
        if (next != null && followed.contains(next)) {
          more = false;
          throw new PagingException(
              operation
                  + " returned a next-page cursor ("
                  + next
                  + ") already followed in"
                  + " this iteration; stopping instead of going round in circles",
              operation);
        }
        buffer.addAll(page.items());
        if (!page.items().isEmpty()) {
          previous = page.items();
        }
        cursor = next;
        more = next != null;
      }
      return !buffer.isEmpty();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return buffer.removeFirst();
    }
  }
}
