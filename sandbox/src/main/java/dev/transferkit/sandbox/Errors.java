package dev.transferkit.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.List;

/** Builders for each provider's documented error body. */
final class Errors {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private Errors() {}

  /** One problem found in a request, rendered into the provider's per-field detail format. */
  record Problem(String error, String location, String message, String invalidValue) {}

  // ------------------------------------------------------------------------------------------
  // Circle

  /** Circle: {@code {code, message}} with the given HTTP status. */
  static ApiError circle(int http, int code, String message) {
    ObjectNode body = Json.object();
    body.put("code", code);
    body.put("message", message);
    return new ApiError(http, body);
  }

  /** Circle validation error: code 2, HTTP 400, with one {@code errors[]} entry per problem. */
  static ApiError circleInvalid(String headline, List<Problem> problems) {
    ObjectNode body = Json.object();
    body.put("code", 2);
    StringBuilder message = new StringBuilder(headline);
    ArrayNode errors = body.arrayNode();
    for (Problem p : problems) {
      message.append('\n').append(p.message());
      ObjectNode e = errors.addObject();
      e.put("error", p.error());
      e.put("message", p.message());
      e.put("location", p.location());
      if (p.invalidValue() != null) {
        e.put("invalidValue", p.invalidValue());
      }
      e.putObject("constraints");
    }
    body.put("message", message.toString());
    body.set("errors", errors);
    return new ApiError(400, body);
  }

  // ------------------------------------------------------------------------------------------ Wyre

  /** Wyre: the exception body, e.g. type ValidationException, HTTP 400. */
  static ApiError wyre(int http, String type, String subType, String errorCode, String message) {
    return wyre(http, type, subType, errorCode, message, null, null);
  }

  static ApiError wyre(
      int http,
      String type,
      String subType,
      String errorCode,
      String message,
      String problematicField,
      String problematicValue) {
    ObjectNode body = Json.object();
    body.put("language", "en");
    body.put("compositeType", "");
    body.put("subType", subType == null ? "" : subType);
    body.put("errorCode", errorCode);
    body.put("exceptionId", "sandbox_" + randomId(6));
    body.put("message", message);
    body.put("type", type);
    body.put("transient", false);
    if (problematicField != null) {
      body.put("problematicField", problematicField);
      body.put("problematicValue", problematicValue);
    }
    return new ApiError(http, body);
  }

  static ApiError wyreValidation(String message, String field, String value) {
    return wyre(
        400,
        "ValidationException",
        "INVALID_VALUE",
        "validation.invalidValue",
        message,
        field,
        value);
  }

  static ApiError wyreAccessDenied(String message) {
    return wyre(401, "AccessDeniedException", "", "accessDenied.invalidSession", message);
  }

  // ------------------------------------------------------------------------------------------
  // Streambird

  /** Streambird: {@code {error_message, error_type, status_code}}. */
  static ApiError streambird(int http, String type, String message) {
    ObjectNode body = Json.object();
    body.put("error_message", message);
    body.put("error_type", type);
    body.put("status_code", http);
    return new ApiError(http, body);
  }

  static ApiError streambirdInvalid(String message, List<Problem> problems) {
    ApiError e = streambird(400, "validation_error", message);
    if (!problems.isEmpty()) {
      ArrayNode errors = e.body.putArray("errors");
      for (Problem p : problems) {
        ObjectNode d = errors.addObject();
        d.put("code", p.error());
        d.put("description", p.message());
        d.put("parameter", p.location());
      }
    }
    return e;
  }

  static String randomId(int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
    }
    return b.toString();
  }
}
