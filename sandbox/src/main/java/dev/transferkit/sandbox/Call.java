package dev.transferkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** One incoming provider request, with the provider prefix already removed from its path. */
final class Call {
  final String method;

  /** The path as the provider sees it, e.g. {@code /v1/accounts/transfers}. */
  final String path;

  /** The URL exactly as the client addressed it (scheme, Host header, raw path and raw query). */
  final String fullUrl;

  final Map<String, List<String>> query;
  final Map<String, List<String>> headers;
  final Map<String, String> pathParams;
  final byte[] rawBody;

  /** Who is calling, as the provider's authentication decided (set before the handler runs). */
  Object principal;

  private JsonNode json;

  Call(
      String method,
      String path,
      String fullUrl,
      Map<String, List<String>> query,
      Map<String, List<String>> headers,
      Map<String, String> pathParams,
      byte[] rawBody) {
    this.method = method;
    this.path = path;
    this.fullUrl = fullUrl;
    this.query = query;
    this.headers = headers;
    this.pathParams = pathParams;
    this.rawBody = rawBody;
  }

  /** All values of a header (names compared without case), or null when it is absent. */
  List<String> headerValues(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  String header(String name) {
    List<String> values = headerValues(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  String query(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  String pathParam(String name) {
    return pathParams.get(name);
  }

  /**
   * The body as JSON (a missing node when there is no body, or when it is not exactly one JSON
   * document, which the pipeline refuses before a handler runs); parsed on first use.
   */
  JsonNode json() {
    if (json == null) {
      if (rawBody.length == 0) {
        json = MissingNode.getInstance();
      } else {
        try {
          json = Json.parseOne(rawBody);
        } catch (IOException e) {
          json = MissingNode.getInstance();
        }
      }
    }
    return json;
  }

  /** The bearer token of the Authorization header, or null. */
  String bearer() {
    String auth = header("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = auth.substring(7).trim();
    return token.isEmpty() ? null : token;
  }
}
