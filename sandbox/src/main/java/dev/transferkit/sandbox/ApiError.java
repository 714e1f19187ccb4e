package dev.transferkit.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A provider-shaped error answer, thrown from anywhere in a handler and written as-is. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;
  final transient ObjectNode body;

  ApiError(int status, ObjectNode body) {
    super(body.toString(), null, false, false);
    this.status = status;
    this.body = body;
  }

  Reply reply() {
    return new Reply(status, body);
  }
}
