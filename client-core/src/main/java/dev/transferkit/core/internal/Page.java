package dev.transferkit.core.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list: its items and the cursor of the next page (null on the last page). Immutable.
 *
 * @param <C> the cursor type (an item id, an offset...)
 * @param <T> the item type
 */
public final class Page<C, T> {
  private final List<T> items;
  private final @Nullable C next;

  private Page(List<T> items, @Nullable C next) {
    this.items =
        Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(items, "items")));
    this.next = next;
  }

  /** A page followed by the page at {@code next}; null {@code next} means this is the last page. */
  public static <C, T> Page<C, T> of(List<T> items, @Nullable C next) {
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
  public @Nullable C next() {
    return next;
  }

  @Override
  public String toString() {
    return "Page{items=" + items.size() + ", next=" + next + "}";
  }
}
