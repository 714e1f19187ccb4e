package dev.transferkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.transferkit.specs.Provider;
import dev.transferkit.specs.SpecOperation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Handlers are bound to the spec's operations by operationId; the spec decides methods and paths.
 */
class SpecDispatchTest {
  private static final List<SpecOperation> OPERATIONS =
      List.of(
          new SpecOperation(
              Provider.WYRE, "wyre/transfers.yaml", "POST", "/v3/transfers", "createTransfer"),
          new SpecOperation(
              Provider.WYRE,
              "wyre/transfers.yaml",
              "GET",
              "/v3/transfers/{transferId}",
              "getTransfer"));

  /** A provider with whatever handlers a test registers. */
  private static final class Stub extends ProviderApi {
    @Override
    Provider provider() {
      return Provider.WYRE;
    }

    @Override
    void authenticate(Call call, Route route) {}

    @Override
    ApiError invalid(Route route, Call call, List<Errors.Problem> problems) {
      return refused(400, "invalid");
    }

    @Override
    ApiError unknownPath(Call call) {
      return refused(404, "unknown");
    }

    @Override
    ApiError refused(int status, String message) {
      return new ApiError(status, Json.object().put("message", message));
    }

    @Override
    ApiError internal(String message) {
      return refused(500, message);
    }

    @Override
    Book book() {
      return new Book();
    }

    @Override
    String apiKeyOf(String holder) {
      return null;
    }
  }

  @Test
  void everyOperationOfEveryProvidersSpecsHasAHandler() {
    try (Sandbox sandbox = Sandbox.builder().port(0).build().start()) {
      assertEquals(List.of(), sandbox.unhandledOperations());
    }
  }

  @Test
  void anOperationWithoutAHandlerGetsARouteWithoutOneSoStartUpCanReportIt() {
    Stub stub = new Stub();
    ProviderApi.Op create = call -> new Reply(200, Json.object());
    stub.on("createTransfer", create);
    List<ProviderApi.Route> routes = stub.routes(OPERATIONS);
    assertEquals(2, routes.size());
    assertEquals("POST", routes.get(0).method());
    assertEquals("/v3/transfers", routes.get(0).path());
    assertSame(create, routes.get(0).op());
    assertEquals("getTransfer", routes.get(1).operationId());
    assertNull(routes.get(1).op());
  }

  @Test
  void aHandlerForAnOperationNoSpecDefinesStopsTheStart() {
    Stub stub = new Stub();
    stub.on("createTransfr", call -> new Reply(200, Json.object()));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> stub.routes(OPERATIONS));
    assertTrue(e.getMessage().contains("createTransfr"), e.getMessage());
  }

  @Test
  void aConcretePathSegmentWinsOverATemplateParameter() {
    Router<String> router = new Router<>();
    router.add("GET", "/streambird/v1/transfers/{transfer_id}", "get");
    router.add("GET", "/streambird/*", "fallback");
    router.add("GET", "/streambird/v1/transfers/list", "list");
    assertEquals("list", router.match("GET", "/streambird/v1/transfers/list").handler());
    assertEquals("get", router.match("GET", "/streambird/v1/transfers/tr_1").handler());
    assertEquals(
        "tr_1",
        router.match("GET", "/streambird/v1/transfers/tr_1").pathParams().get("transfer_id"));
    assertEquals("fallback", router.match("GET", "/streambird/v2/other").handler());
  }
}
