package dev.transferkit.core.paging;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * All items of a paged list, fetched lazily: nothing is requested until the first item is needed, and each further
 * page only when the items of the previous one have been consumed. Each {@link #iterator()} (and {@link #stream()})
 * walks the list from the first page again.
 *
 * <p>This object is immutable and may be shared; its iterators and streams are not thread-safe. Errors from fetching
 * a page (for example a {@link dev.transferkit.core.exception.ApiException}) are thrown from {@code hasNext()} /
 * {@code next()} or the stream operation that needed the page.
 *
 * @param <T> the item type
 */
public final class AutoPaging<T> implements Iterable<T> {
  private final Iterable<T> iterable;

  private AutoPaging(Iterable<T> iterable) {
    this.iterable = iterable;
  }

  /**
   * The items of the pages that {@code fetcher} returns, starting at {@code first} (null for "the first page").
   * Iteration stops after a page whose {@link Page#next()} is null.
   *
   * @throws IllegalStateException (while iterating) if the provider hands back the cursor it was just given,
   *     which would otherwise loop forever
   */
  public static <C, T> AutoPaging<T> of(C first, PageFetcher<C, T> fetcher) {
    Objects.requireNonNull(fetcher, "fetcher");
    return new AutoPaging<>(() -> new PagingIterator<>(first, fetcher));
  }

  @Override
  public Iterator<T> iterator() {
    return iterable.iterator();
  }

  /** A sequential, lazy stream of all items. */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
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
