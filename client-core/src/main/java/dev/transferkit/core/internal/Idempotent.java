package dev.transferkit.core.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generated service method whose request is protected by an idempotency key carried in the
 * request body.
 *
 * <p>Generated from the {@code x-transferkit-idempotency-key} extension of an operation in {@code
 * specs/}. The runtime reads it to fill an empty key with a random UUID and to decide that the call
 * may be retried with the same key. Methods without it are never retried automatically unless they
 * are GETs.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Idempotent {
  /** Name of the JSON property of the request body that carries the idempotency key. */
  String keyField();
}
