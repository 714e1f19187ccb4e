package dev.transferkit.core.internal;

import dev.transferkit.core.AutoPaging;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/** Builds {@link AutoPaging} views over a {@link PageFetcher}. Not public API. */
public final class Paging {
  private Paging() {}

  /** All items, fetching page after page from {@code first} (the first page's cursor, may be null). */
  public static <C, T> AutoPaging<T> of(C first, PageFetcher<C, T> fetcher) {
    Objects.requireNonNull(fetcher, "fetcher");
    return AutoPaging.of(() -> new PagingIterator<>(first, fetcher));
  }

  private static final class PagingIterator<C, T> implements Iterator<T> {
    private final PageFetcher<C, T> fetcher;
    private final Deque<T> buffer = new ArrayDeque<>();
    private C cursor;
    private boolean more = true;

    PagingIterator(C first, PageFetcher<C, T> fetcher) {
      this.cursor = first;
      this.fetcher = fetcher;
    }

    @Override
    public boolean hasNext() {
      while (buffer.isEmpty() && more) {
        Page<C, T> page = fetcher.fetch(cursor);
        if (page == null) {
          throw new IllegalStateException("PageFetcher returned null");
        }
        buffer.addAll(page.items());
        C next = page.next();
        if (next != null && next.equals(cursor)) {
          throw new IllegalStateException("The list returned the cursor it was asked for (" + next
              + ") as its next page; stopping instead of fetching the same page forever");
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
