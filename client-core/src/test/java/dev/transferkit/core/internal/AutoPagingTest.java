package dev.transferkit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.core.AutoPaging;
import dev.transferkit.core.exception.PagingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AutoPagingTest {
  @Test
  void pagesAreFetchedOnlyWhenTheirItemsAreNeeded() {
    AtomicInteger fetches = new AtomicInteger();
    AutoPaging<Integer> all =
        Paging.of(
            "listNumbers",
            0,
            (Integer page) -> {
              fetches.incrementAndGet();
              List<Integer> items = List.of(page * 2, page * 2 + 1);
              return page < 2 ? Page.of(items, page + 1) : Page.last(items);
            });
    assertEquals(0, fetches.get(), "nothing is fetched before iteration");

    Iterator<Integer> it = all.iterator();
    assertEquals(0, it.next());
    assertEquals(1, it.next());
    assertEquals(1, fetches.get());
    assertEquals(2, it.next());
    assertEquals(2, fetches.get());

    assertEquals(List.of(0, 1, 2), all.stream().limit(3).collect(Collectors.toList()));
    assertEquals(
        4, fetches.get(), "the stream walked again from the first page and stopped at the second");
    assertEquals(6, all.stream().count());
  }

  @Test
  void emptyPagesInTheMiddleAreSkipped() {
    AutoPaging<String> all =
        Paging.of(
            "listLetters",
            "a",
            (String c) -> c.equals("a") ? Page.of(List.of(), "b") : Page.last(List.of("x")));
    List<String> items = new ArrayList<>();
    all.forEach(items::add);
    assertEquals(List.of("x"), items);
  }

  @Test
  void aListThatReturnsItsOwnCursorStopsInsteadOfLoopingForever() {
    AutoPaging<Integer> broken =
        Paging.of("listSame", "same", (String c) -> Page.of(List.of(1), "same"));
    PagingException e = assertThrows(PagingException.class, () -> broken.stream().count());
    assertEquals("listSame", e.operation());
  }

  @Test
  void cursorsGoingRoundInCirclesEndTheIterationNamingTheOperation() {
    List<String> asked = new ArrayList<>();
    AutoPaging<String> circular =
        Paging.of(
            "listCircles",
            null,
            (String c) -> {
              asked.add(String.valueOf(c));
              String next = "A".equals(c) ? "B" : "A";
              return Page.of(List.of("item-after-" + c), next);
            });
    PagingException e = assertThrows(PagingException.class, () -> circular.stream().count());
    assertEquals("listCircles", e.operation());
    assertTrue(e.getMessage().contains("listCircles"), e.getMessage());
    assertEquals(List.of("null", "A", "B"), asked, "stopped at the first cursor seen before");
  }

  @Test
  void aServerThatIgnoresTheOffsetEndsTheIterationInsteadOfRepeatingItsFirstPage() {
    AtomicInteger fetches = new AtomicInteger();
    AutoPaging<Integer> ignoring =
        OffsetPaging.of(
            "listTransfers",
            0,
            offset -> {
              fetches.incrementAndGet();
              return List.of(1, 2);
            },
            r -> r,
            r -> null);
    Iterator<Integer> it = ignoring.iterator();
    assertEquals(1, it.next());
    assertEquals(2, it.next());
    PagingException e = assertThrows(PagingException.class, it::hasNext);
    assertEquals("listTransfers", e.operation());
    assertEquals(2, fetches.get());
  }

  @Test
  void offsetPagingStopsAtTheReportedTotalOrAtAnEmptyPage() {
    List<Integer> data = IntStream.range(0, 25).boxed().collect(Collectors.toList());
    List<String> calls = new ArrayList<>();
    int limit = 10;
    AutoPaging<Integer> withTotal =
        OffsetPaging.of(
            "listNumbers",
            0,
            offset -> {
              calls.add(offset + "/" + limit);
              return data.subList(offset, Math.min(offset + limit, data.size()));
            },
            r -> r,
            r -> 25L);
    assertEquals(data, withTotal.stream().collect(Collectors.toList()));
    assertEquals(List.of("0/10", "10/10", "20/10"), calls);

    calls.clear();
    AutoPaging<Integer> withoutTotal =
        OffsetPaging.of(
            "listNumbers",
            0,
            offset -> {
              calls.add(offset + "/" + limit);
              return data.subList(
                  Math.min(offset, data.size()), Math.min(offset + limit, data.size()));
            },
            r -> r,
            r -> null);
    assertEquals(25, withoutTotal.stream().count());
    assertEquals(List.of("0/10", "10/10", "20/10", "25/10"), calls);
  }

  @Test
  void linkHeaderNextIsFoundAmongOtherRelations() {
    String header =
        "<https://api.circle.com/v1/w3s/wallets?pageBefore=a&pageSize=2>; rel=\"prev\", "
            + "<https://api.circle.com/v1/w3s/wallets?pageAfter=32d1b923-c30d-58de-a42e-157bf7148b85&pageSize=2>; "
            + "rel=\"next\"";
    String next = LinkHeader.find(header, "next");
    assertEquals(
        "32d1b923-c30d-58de-a42e-157bf7148b85", LinkHeader.queryParameter(next, "pageAfter"));
    assertEquals("a", LinkHeader.queryParameter(LinkHeader.find(header, "prev"), "pageBefore"));
    assertNull(LinkHeader.find("<https://x/?a=1>; rel=\"self\"", "next"));
    assertNull(LinkHeader.find(null, "next"));
    assertEquals(
        "b",
        LinkHeader.queryParameter(
            LinkHeader.find("</v1/x?pageAfter=b>; rel=next", "next"), "pageAfter"));
  }
}
