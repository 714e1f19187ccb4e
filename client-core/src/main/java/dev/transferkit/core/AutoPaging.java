package dev.transferkit.core;

import java.util.Iterator;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * All items of a paged list, fetched lazily: nothing is requested until the first item is needed,
 * and each further page only when the items of the previous one have been consumed. Each {@link
 * #iterator()} (and {@link #stream()}) walks the list from the first page again.
 *
 * <p>This object is immutable and may be shared; its iterators and streams are not thread-safe.
 * Errors from fetching a page (for example a {@link dev.transferkit.core.exception.ApiException})
 * are thrown from {@code hasNext()} / {@code next()} or the stream operation that needed the page.
 *
 * @param <T> the item type
 */
public final class AutoPaging<T> implements Iterable<T> {
  private final Iterable<T> iterable;

  private AutoPaging(Iterable<T> iterable) {
    this.iterable = iterable;
  }

  /**
   * The items of {@code pages}, an iterable that fetches pages lazily (the clients' {@code
   * listAll...} methods build it).
   *
   * @param pages the items, fetched as they are iterated
   * @param <T> the item type
   * @return the auto-paging view
   */
  public static <T> AutoPaging<T> of(Iterable<T> pages) {
    return new AutoPaging<>(Objects.requireNonNull(pages, "pages"));
  }

  @Override
  public Iterator<T> iterator() {
    return iterable.iterator();
  }

  /** A sequential, lazy stream of all items. */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }
}
