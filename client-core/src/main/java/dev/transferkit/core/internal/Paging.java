package dev.transferkit.core.internal;

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
import org.jspecify.annotations.Nullable;

/**
 * Builds {@link AutoPaging} views over a {@link PageFetcher}. Not public API.
 *
 * <p>Every iteration ends, whatever the server does: a next-page cursor already followed in the same iteration (A, B,
 * A...) or a non-empty page equal to the one before it (a server that ignores the cursor or offset) ends it with a
 * {@link PagingException} naming the operation, instead of requesting pages forever.
 */
public final class Paging {
  private Paging() {}

  /**
   * All items, fetching page after page from {@code first} (the first page's cursor, may be null).
   *
   * @param operation the list operation, for the {@link PagingException} that stops a server's endless pages
   */
  public static <C, T> AutoPaging<T> of(String operation, @Nullable C first, PageFetcher<C, T> fetcher) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(fetcher, "fetcher");
    return AutoPaging.of(() -> new PagingIterator<>(operation, first, fetcher));
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
          throw new PagingException(operation + " returned the same page again for the next cursor (" + cursor
              + "): the server ignores the cursor or offset; stopping instead of fetching it forever", operation);
        }
        C next = page.next();
        if (next != null && followed.contains(next)) {
          more = false;
          throw new PagingException(operation + " returned a next-page cursor (" + next + ") already followed in"
              + " this iteration; stopping instead of going round in circles", operation);
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
