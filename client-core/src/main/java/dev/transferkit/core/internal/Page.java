package dev.transferkit.core.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One page of a list: its items and the cursor of the next page (null on the last page). Immutable.
 *
 * @param <C> the cursor type (an item id, an offset...)
 * @param <T> the item type
 */
public final class Page<C, T> {
  private final List<T> items;
  private final C next;

  private Page(List<T> items, C next) {
    this.items = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(items, "items")));
    this.next = next;
  }

  /** A page followed by the page at {@code next}; null {@code next} means this is the last page. */
  public static <C, T> Page<C, T> of(List<T> items, C next) {
    return new Page<>(items, next);
  }

  /** The last page. */
  public static <C, T> Page<C, T> last(List<T> items) {
    return new Page<>(items, null);
  }

  public List<T> items() {
    return items;
  }

  /** The next page's cursor, or null when this is the last page. */
  public C next() {
    return next;
  }

  @Override
  public String toString() {
    return "Page{items=" + items.size() + ", next=" + next + "}";
  }
}
