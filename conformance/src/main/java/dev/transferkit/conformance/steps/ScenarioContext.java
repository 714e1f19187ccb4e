package dev.transferkit.conformance.steps;

import dev.transferkit.conformance.targets.Provider;
import dev.transferkit.core.exception.TransferKitException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the steps of one scenario share. Cucumber creates the step classes anew for every scenario
 * (no dependency injection module: its PicoContainer module is not published for this Cucumber
 * version); the {@code @Before} hook starts a new context, and each step class takes it, and
 * registers itself, when Cucumber creates it. Scenarios run one at a time.
 */
public final class ScenarioContext {
  private static volatile ScenarioContext current;

  private final Map<Class<?>, Object> steps = new HashMap<>();
  Provider provider;

  /** The last failure of an attempted call ("I try to ..."), or null. */
  TransferKitException lastError;

  /**
   * Set by {@link #attempt} until the step ends: the step may send a deliberately invalid request,
   * so a request that breaks the spec and is refused with a 4xx is the expected outcome, not a
   * conformance failure.
   */
  boolean refusalExpected;

  /** Runs {@code call}; a TransferKit failure is kept in {@link #lastError} and null returned. */
  /** Starts the context of a new scenario. */
  static ScenarioContext begin() {
    current = new ScenarioContext();
    return current;
  }

  static ScenarioContext current() {
    ScenarioContext c = current;
    if (c == null) {
      throw new IllegalStateException("no scenario is running");
    }
    return c;
  }

  void register(Object stepClass) {
    steps.put(stepClass.getClass(), stepClass);
  }

  /** The step class instance of this scenario; it exists once one of its steps ran. */
  <T> T steps(Class<T> type) {
    Object s = steps.get(type);
    if (s == null) {
      throw new IllegalStateException(
          "no " + type.getSimpleName() + " step ran in this scenario yet");
    }
    return type.cast(s);
  }

  <T> T attempt(Supplier<T> call) {
    lastError = null;
    refusalExpected = true;
    try {
      return call.get();
    } catch (TransferKitException e) {
      lastError = e;
      return null;
    }
  }

  /** The failure an attempted call was expected to end with. */
  <E extends TransferKitException> E expectError(Class<E> type) {
    if (lastError == null) {
      throw new AssertionError(
          "expected the call to be refused with " + type.getSimpleName() + ", but it succeeded");
    }
    if (!type.isInstance(lastError)) {
      throw new AssertionError(
          "expected "
              + type.getSimpleName()
              + ", got "
              + lastError.getClass().getSimpleName()
              + ": "
              + lastError.getMessage(),
          lastError);
    }
    return type.cast(lastError);
  }

  /** Fails with the kept failure, if any: a step that needs the result of an earlier call. */
  void requireNoError() {
    if (lastError != null) {
      throw new AssertionError("an earlier call failed: " + lastError.getMessage(), lastError);
    }
  }

  Conformance run() {
    return Conformance.get();
  }
}
