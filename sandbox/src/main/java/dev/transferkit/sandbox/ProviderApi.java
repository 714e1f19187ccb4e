package dev.transferkit.sandbox;

import dev.transferkit.specs.Provider;
import dev.transferkit.specs.SpecOperation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One simulated provider: its authentication, error shapes and the handlers of its operations,
 * registered by the spec's operationId. Paths and methods come from the parsed spec ({@link
 * #routes}).
 */
abstract class ProviderApi {
  /** A handler of one operation. */
  interface Op {
    Reply handle(Call call) throws Exception;
  }

  /**
   * One operation of the spec, tied to the spec file that defines it; {@code op} is null when
   * nothing handles it, {@code authenticated} false when the spec lets anyone call it.
   */
  record Route(
      String method, String path, String spec, String operationId, Op op, boolean authenticated) {}

  private final Map<String, Op> handlers = new LinkedHashMap<>();

  /** Which provider of the contract this simulates. */
  abstract Provider provider();

  /** URL prefix under which the provider is served, without slashes ({@code circle}). */
  final String prefix() {
    return provider().id();
  }

  /** Registers the handler of the spec operation {@code operationId}. */
  final void on(String operationId, Op op) {
    if (handlers.put(operationId, op) != null) {
      throw new IllegalStateException(prefix() + ": two handlers for " + operationId);
    }
  }

  /**
   * The routes of the spec's operations, each with its handler (null when none is registered).
   *
   * @throws IllegalStateException when a handler is registered for an operationId the spec does not
   *     have
   */
  final List<Route> routes(List<SpecOperation> operations) {
    List<Route> routes = new ArrayList<>();
    Set<String> known = new HashSet<>();
    for (SpecOperation o : operations) {
      known.add(o.operationId());
      routes.add(
          new Route(
              o.method(),
              o.path(),
              o.specFile(),
              o.operationId(),
              handlers.get(o.operationId()),
              o.authenticated()));
    }
    for (String id : handlers.keySet()) {
      if (!known.contains(id)) {
        throw new IllegalStateException(
            prefix()
                + ": a handler is registered for "
                + id
                + ", which no spec of "
                + provider().specFiles()
                + " defines");
      }
    }
    return routes;
  }

  /** Decides who calls (stored in {@link Call#principal}) or throws the provider's 401. */
  abstract void authenticate(Call call, Route route);

  /** The provider's answer to a request that breaks the spec. */
  abstract ApiError invalid(Route route, Call call, List<Errors.Problem> problems);

  /** The provider's answer to a path it does not serve. */
  abstract ApiError unknownPath(Call call);

  /**
   * The provider's answer to a request refused before it reached an operation: 413 (body too
   * large), 414 (request line too long), 431 (headers too large) or 400 (not HTTP).
   */
  abstract ApiError refused(int status, String message);

  /** The provider's ledger. */
  abstract Book book();

  /**
   * The API key that owns a ledger holder (directly or through a parent account), or null for
   * system holders.
   */
  abstract String apiKeyOf(String holder);

  /** The provider's 500 answer. */
  abstract ApiError internal(String message);
}
