package dev.transferkit.circle;

import static dev.transferkit.circle.CircleClientTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.circle.payouts.api.PayoutsApi.ListPayoutsParams;
import dev.transferkit.circle.payouts.model.Payout;
import dev.transferkit.circle.wallets.api.WalletsApi.ListWalletsParams;
import dev.transferkit.circle.wallets.model.Wallet;
import dev.transferkit.core.exception.PagingException;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lazy auto-paging over Circle lists: W3S Link-header cursors and Mint-style pageAfter. */
class CirclePagingTest {
  private MockWebServer server;
  private CircleClient circle;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    circle = CircleClient.builder().apiKey("k").baseUrl(server.url("/").toString()).build();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private static String wallet(String id) {
    return "{\"id\":\""
        + id
        + "\",\"state\":\"LIVE\",\"walletSetId\":\"ws\",\"custodyType\":\"ENDUSER\","
        + "\"address\":\"0xabc\",\"blockchain\":\"ETH-SEPOLIA\",\"createDate\":\"2023-01-01T00:00:00Z\","
        + "\"updateDate\":\"2023-01-01T00:00:00Z\",\"accountType\":\"EOA\"}";
  }

  private static String payout(String id) {
    return "{\"id\":\""
        + id
        + "\",\"sourceWalletId\":\"53535335\",\"destination\":{\"type\":\"address_book\","
        + "\"id\":\"d\"},\"amount\":{\"amount\":\"1.00\",\"currency\":\"USD\"},\"status\":\"pending\","
        + "\"createDate\":\"2020-04-10T02:13:30.000Z\",\"updateDate\":\"2020-04-10T02:13:30.000Z\"}";
  }

  @Test
  void walletsFollowTheLinkHeaderAndFetchEachPageOnlyWhenNeeded() throws Exception {
    String base = server.url("/v1/w3s/wallets").toString();
    server.enqueue(
        json(200, "{\"data\":{\"wallets\":[" + wallet("w1") + "," + wallet("w2") + "]}}")
            .setHeader(
                "Link",
                "<"
                    + base
                    + "?pageAfter=w2&pageSize=2>; rel=\"next\", <"
                    + base
                    + "?pageSize=2>; rel=\"first\""));
    server.enqueue(
        json(200, "{\"data\":{\"wallets\":[" + wallet("w3") + "]}}")
            .setHeader("Link", "<" + base + "?pageBefore=w3&pageSize=2>; rel=\"prev\""));

    Iterator<Wallet> it =
        circle
            .wallets()
            .listAllWallets("user-token", ListWalletsParams.builder().pageSize(2).build())
            .iterator();
    assertEquals(0, server.getRequestCount());
    assertEquals("w1", it.next().getId());
    assertEquals("w2", it.next().getId());
    assertEquals(1, server.getRequestCount());
    assertEquals("w3", it.next().getId());
    assertTrue(!it.hasNext());
    assertEquals(
        2, server.getRequestCount(), "no Link rel=next: the last page, no further request");

    RecordedRequest first = server.takeRequest();
    assertEquals("/v1/w3s/wallets?pageSize=2", first.getPath());
    assertEquals("user-token", first.getHeader("X-User-Token"));
    assertEquals("/v1/w3s/wallets?pageAfter=w2&pageSize=2", server.takeRequest().getPath());
  }

  @Test
  void payoutsWithoutLinkHeaderPageAfterTheLastIdUntilAnEmptyPage() throws Exception {
    server.enqueue(json(200, "{\"data\":[" + payout("p1") + "," + payout("p2") + "]}"));
    server.enqueue(json(200, "{\"data\":[" + payout("p3") + "]}"));
    server.enqueue(json(200, "{\"data\":[]}"));

    List<String> ids =
        circle.payouts().listAllPayouts(ListPayoutsParams.builder().pageSize(2).build()).stream()
            .map(Payout::getId)
            .collect(Collectors.toList());

    assertEquals(List.of("p1", "p2", "p3"), ids);
    assertEquals("/v1/payouts?pageSize=2", server.takeRequest().getPath());
    assertEquals("/v1/payouts?pageAfter=p2&pageSize=2", server.takeRequest().getPath());
    assertEquals("/v1/payouts?pageAfter=p3&pageSize=2", server.takeRequest().getPath());
  }

  @Test
  void streamStopsFetchingWhenItHasEnough() {
    server.enqueue(json(200, "{\"data\":[" + payout("p1") + "," + payout("p2") + "]}"));
    server.enqueue(json(200, "{\"data\":[" + payout("p3") + "]}"));

    assertEquals(
        "p1",
        circle.payouts().listAllPayouts(ListPayoutsParams.builder().pageSize(2).build()).stream()
            .findFirst()
            .get()
            .getId());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void linkCursorsGoingRoundInCirclesEndWithAPagingExceptionNamingTheList() {
    String base = server.url("/v1/w3s/wallets").toString();
    for (String[] page : new String[][] {{"w1", "A"}, {"w2", "B"}, {"w3", "A"}}) {
      server.enqueue(
          json(200, "{\"data\":{\"wallets\":[" + wallet(page[0]) + "]}}")
              .setHeader("Link", "<" + base + "?pageAfter=" + page[1] + ">; rel=\"next\""));
    }

    Iterator<Wallet> it =
        circle
            .wallets()
            .listAllWallets("user-token", ListWalletsParams.builder().pageSize(1).build())
            .iterator();
    assertEquals("w1", it.next().getId());
    assertEquals("w2", it.next().getId());
    PagingException e = assertThrows(PagingException.class, it::hasNext);

    assertEquals("listWallets", e.operation());
    assertTrue(e.getMessage().contains("listWallets"), e.getMessage());
    assertEquals(3, server.getRequestCount(), "no request after the cursor came round again");
  }

  @Test
  void aServerThatIgnoresPageAfterEndsTheIterationInsteadOfRepeatingItsFirstPage() {
    String page = "{\"data\":[" + payout("p1") + "," + payout("p2") + "]}";
    server.enqueue(
        json(200, page)
            .setHeader("Link", "<" + server.url("/v1/payouts?pageAfter=x1") + ">; rel=next"));
    server.enqueue(
        json(200, page)
            .setHeader("Link", "<" + server.url("/v1/payouts?pageAfter=x2") + ">; rel=next"));

    PagingException e =
        assertThrows(
            PagingException.class,
            () ->
                circle
                    .payouts()
                    .listAllPayouts(ListPayoutsParams.builder().pageSize(2).build())
                    .stream()
                    .count());

    assertEquals("listPayouts", e.operation());
    assertEquals(2, server.getRequestCount());
  }
}
