package dev.transferkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: a status, a JSON body (or none) and extra headers. */
final class Reply {
  final int status;
  final JsonNode body;
  final Map<String, String> headers = new LinkedHashMap<>();

  Reply(int status, JsonNode body) {
    this.status = status;
    this.body = body;
  }

  Reply header(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
