package dev.transferkit.circle;

import dev.transferkit.core.ApiCall;
import dev.transferkit.core.ApiResponse;
import dev.transferkit.core.AutoPaging;
import dev.transferkit.core.internal.LinkHeader;
import dev.transferkit.core.internal.Page;
import dev.transferkit.core.internal.Paging;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Auto-paging over Circle lists. Circle lists are newest first ({@code createDate} descending); {@code pageAfter=id}
 * returns the items that follow item {@code id} in that order, i.e. the next (older) page.
 *
 * <p>The next page is taken from the {@code Link} response header ({@code rel="next"}, whose {@code pageAfter} is
 * used) when Circle sends one; a {@code Link} header without {@code rel="next"} marks the last page. When no
 * {@code Link} header is sent at all, the id of the last item is used as the next {@code pageAfter}, until an empty
 * page. Pages are fetched lazily, one request per page.
 */
public final class CirclePaging {
  private CirclePaging() {}

  /**
   * All items of a Circle list. A server whose cursors go round in circles, or that answers the same page again,
   * ends the iteration with a {@link dev.transferkit.core.exception.PagingException} naming {@code operation}.
   *
   * @param operation the list operation's name (e.g. {@code listPayouts}), for error messages
   * @param fetchAfter the list call for a given {@code pageAfter} (null for the first page); pass the same filters
   *     (and pageSize) on every call
   * @param items the items of one response
   * @param id the id of an item (the cursor for the next page when Circle sends no {@code Link} header)
   */
  public static <R, T> AutoPaging<T> autoPaging(String operation,
      Function<String, ApiCall<R>> fetchAfter, Function<R, List<T>> items, Function<T, String> id) {
    return Paging.of(operation, null, (@Nullable String pageAfter) -> {
      ApiResponse<R> response = fetchAfter.apply(pageAfter).executeForResponse();
      List<T> page = response.body() == null ? null : items.apply(response.body());
      if (page == null || page.isEmpty()) {
        return Page.last(page == null ? List.<T>of() : page);
      }
      String link = response.header("Link");
      if (link != null) {
        String next = LinkHeader.find(link, "next");
        String after = next == null ? null : LinkHeader.queryParameter(next, "pageAfter");
        return after == null ? Page.last(page) : Page.of(page, after);
      }
      return Page.of(page, id.apply(page.get(page.size() - 1)));
    });
  }
}
