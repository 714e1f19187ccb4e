package dev.transferkit.core.internal;

import org.jspecify.annotations.Nullable;

/**
 * The generated JSON adapter of a request model with a property the client fills at run time when
 * the caller left it unset (the idempotency key of a create). Lets the clients' converter set the
 * key on the value before encoding it. Implemented by the adapter, not the model, so the model's
 * public API stays what the spec describes.
 *
 * @param <T> the model type
 */
public interface RuntimeKeyed<T> {
  /** The JSON name of the run-time filled property. */
  String runtimeKeyField();

  /** Its value on {@code value}: null when unset (also when explicitly null). */
  @Nullable String runtimeKey(T value);

  /** A copy of {@code value} with the property set to {@code key}. */
  T withRuntimeKey(T value, String key);
}
