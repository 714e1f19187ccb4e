package dev.transferkit.sandbox;

import java.util.ArrayList;
import java.util.List;

/** One simulated provider: its URL prefix, authentication, error shapes and routes. */
abstract class ProviderApi {
  /** A handler of one operation. */
  interface Op {
    Reply handle(Call call) throws Exception;
  }

  /** One documented operation, tied to the spec file that defines it. */
  record Route(String method, String path, String spec, Op op) {}

  final List<Route> routes = new ArrayList<>();

  /** URL prefix under which the provider is served, without slashes ({@code circle}). */
  abstract String prefix();

  /** Decides who calls (stored in {@link Call#principal}) or throws the provider's 401. */
  abstract void authenticate(Call call, Route route);

  /** The provider's answer to a request that breaks the spec. */
  abstract ApiError invalid(Route route, Call call, List<Errors.Problem> problems);

  /** The provider's answer to a path it does not serve. */
  abstract ApiError unknownPath(Call call);

  /**
   * The provider's answer to a request refused before it reached an operation: 413 (body too large), 414 (request
   * line too long), 431 (headers too large) or 400 (not HTTP).
   */
  abstract ApiError refused(int status, String message);

  /** The provider's 500 answer. */
  abstract ApiError internal(String message);

  void get(String path, String spec, Op op) {
    routes.add(new Route("GET", path, spec, op));
  }

  void post(String path, String spec, Op op) {
    routes.add(new Route("POST", path, spec, op));
  }
}
