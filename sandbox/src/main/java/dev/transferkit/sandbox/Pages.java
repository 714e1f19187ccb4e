package dev.transferkit.sandbox;

import java.util.List;
import java.util.function.Function;

/** Cursor paging over a list already in the order it is served (e.g. newest first), by item id. */
final class Pages {
  private Pages() {}

  /** A page and whether there are items before and after it. */
  record Page<T>(List<T> items, boolean hasPrevious, boolean hasNext) {}

  /**
   * Items strictly after {@code pageAfter} (or strictly before {@code pageBefore}, the ones nearest
   * to it), at most {@code size}; null when a cursor names no item of the list.
   */
  static <T> Page<T> page(
      List<T> ordered, Function<T, String> id, String pageBefore, String pageAfter, int size) {
    int from;
    int to;
    if (pageAfter != null) {
      int i = indexOf(ordered, id, pageAfter);
      if (i < 0) {
        return null;
      }
      from = i + 1;
      to = Math.min(ordered.size(), from + size);
    } else if (pageBefore != null) {
      int i = indexOf(ordered, id, pageBefore);
      if (i < 0) {
        return null;
      }
      to = i;
      from = Math.max(0, to - size);
    } else {
      from = 0;
      to = Math.min(ordered.size(), size);
    }
    return new Page<>(List.copyOf(ordered.subList(from, to)), from > 0, to < ordered.size());
  }

  private static <T> int indexOf(List<T> ordered, Function<T, String> id, String wanted) {
    for (int i = 0; i < ordered.size(); i++) {
      if (id.apply(ordered.get(i)).equals(wanted)) {
        return i;
      }
    }
    return -1;
  }
}
