package dev.transferkit.core.internal;

/**
 * A generated request model with a property the client fills at run time when the caller left it unset (the
 * idempotency key of a create). Lets the clients' converter set the key on the value before encoding it, instead of
 * scanning and splicing the encoded bytes. Not public API: generated models implement it.
 *
 * @param <T> the model type
 */
public interface RuntimeKeyed<T> {
  /** The JSON name of the run-time filled property. */
  String runtimeKeyField();

  /** Its value: null when unset (also when explicitly null). */
  String runtimeKey();

  /** A copy of this value with the property set to {@code key}. */
  T withRuntimeKey(String key);
}
