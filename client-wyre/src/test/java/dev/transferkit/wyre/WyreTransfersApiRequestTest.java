package dev.transferkit.wyre;

import static dev.transferkit.core.testing.RoundTrip.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.transferkit.core.internal.Idempotent;
import dev.transferkit.core.internal.TestServices;
import dev.transferkit.core.testing.JsonText;
import dev.transferkit.wyre.api.TransfersApi;
import dev.transferkit.wyre.model.CreateTransferRequest;
import dev.transferkit.wyre.model.Transfer;
import dev.transferkit.wyre.model.TransferList;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each generated Wyre operation puts on the wire: method, path, query, headers and body. */
class WyreTransfersApiRequestTest {
  private MockWebServer server;
  private TransfersApi api;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    api = new TransfersApi(TestServices.bare(server, "/wyre/"));
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdown();
  }

  private void enqueueTransfer() {
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "application/json")
            .setBody(resource(getClass(), "/payloads/response-a.json")));
  }

  @Test
  void createTransferPostsTheExactDocumentedBody() throws Exception {
    enqueueTransfer();
    CreateTransferRequest body =
        CreateTransferRequest.builder()
            .source("account:AC_XXXXXXXX2")
            .sourceCurrency("USD")
            .sourceAmount(new BigDecimal("200"))
            .dest("paymentmethod:PA_LXXXXXXXX")
            .destCurrency("USD")
            .message("Sending USD to the payment method")
            .autoConfirm(true)
            .build();
    Transfer response =
        api.createTransfer(
                body,
                TransfersApi.CreateTransferParams.builder().masqueradeAs("account:AC_SUB").build())
            .execute();

    RecordedRequest request = server.takeRequest();
    assertEquals("POST", request.getMethod());
    assertEquals("/wyre/v3/transfers?masqueradeAs=account%3AAC_SUB", request.getPath());
    assertEquals("application/json; charset=UTF-8", request.getHeader("Content-Type"));
    JsonText.assertJsonEquals(
        resource(getClass(), "/payloads/request-a.json"), request.getBody().readUtf8());
    assertEquals("TF_VXXXXXXXX", response.getId());
  }

  @Test
  void createTransferWithoutMasqueradeSendsNoQuery() throws Exception {
    enqueueTransfer();
    api.createTransfer(
            CreateTransferRequest.builder()
                .dest("bitcoin:mtXWDB6k5yC5v7TcwKZHB89SUp85yCKshy")
                .sourceCurrency("BTC")
                .destAmount(new BigDecimal("0.001"))
                .build())
        .execute();
    RecordedRequest request = server.takeRequest();
    assertEquals("/wyre/v3/transfers", request.getPath());
    JsonText.assertJsonEquals(
        "{\"dest\":\"bitcoin:mtXWDB6k5yC5v7TcwKZHB89SUp85yCKshy\",\"sourceCurrency\":\"BTC\",\"destAmount\":\"0.001\"}",
        request.getBody().readUtf8());
  }

  @Test
  void confirmTransferPostsToTheTransferPath() throws Exception {
    enqueueTransfer();
    api.confirmTransfer("TF_VXXXXXXXX").execute();
    RecordedRequest request = server.takeRequest();
    assertEquals("POST", request.getMethod());
    assertEquals("/wyre/v3/transfers/TF_VXXXXXXXX/confirm", request.getPath());
  }

  @Test
  void getTransferEscapesThePathSegment() throws Exception {
    enqueueTransfer();
    api.getTransfer(
            "TF/../x",
            TransfersApi.GetTransferParams.builder().masqueradeAs("account:AC_SUB").build())
        .execute();
    RecordedRequest request = server.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals("/wyre/v3/transfers/TF%2F..%2Fx?masqueradeAs=account%3AAC_SUB", request.getPath());
    assertEquals(0, request.getBodySize());
  }

  @Test
  void listTransfersSendsPagingAndRangeQuery() throws Exception {
    server.enqueue(
        new MockResponse()
            .setHeader("Content-Type", "application/json")
            .setBody("{\"data\":[],\"position\":0,\"recordsTotal\":0,\"recordsFiltered\":0}"));
    TransferList response =
        api.listTransfers(
                TransfersApi.ListTransfersParams.builder()
                    .offset(20)
                    .length(10)
                    .from(1626401267000L)
                    .to(1626401867000L)
                    .build())
            .execute();
    RecordedRequest request = server.takeRequest();
    assertEquals("GET", request.getMethod());
    assertEquals(
        "/wyre/v3/transfers?offset=20&length=10&from=1626401267000&to=1626401867000",
        request.getPath());
    assertEquals(0, response.getData().size());
  }

  @Test
  void noWyreOperationIsMarkedIdempotent() throws Exception {
    for (Method m : Class.forName(TransfersApi.class.getName() + "Retrofit").getMethods()) {
      assertNull(m.getAnnotation(Idempotent.class), m.getName());
    }
  }
}
