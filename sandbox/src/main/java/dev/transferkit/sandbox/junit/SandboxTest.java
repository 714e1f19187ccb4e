package dev.transferkit.sandbox.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against a local TransferKit sandbox on a free loopback port:
 * started before the class's first test, reset to the seed before every test, stopped after the
 * class (or, with {@link #shared()}, after the whole run). Test methods and lifecycle methods can
 * declare parameters of type {@link dev.transferkit.sandbox.Sandbox}, {@link SandboxUrls}, {@link
 * dev.transferkit.sandbox.SandboxSeed}, {@link dev.transferkit.sandbox.SandboxClock} and {@link
 * SandboxAdmin}. A test fails when a sandbox response broke the spec during it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SandboxExtension.class)
public @interface SandboxTest {
  /**
   * Where the sandbox clock starts, ISO-8601 ({@code 2026-03-15T12:00:00Z}); empty (the default):
   * the current time. The clock is frozen: it moves only when a test advances it, and a reset
   * between tests leaves it where it is.
   */
  String clockAt() default "";

  /**
   * Replace a response that breaks the spec by a 500 naming the problem (the default) instead of
   * sending it.
   */
  boolean strictResponses() default true;

  /**
   * One sandbox for every test class of the run that asks for a shared one (with the same
   * settings), instead of one per class: faster, and the reset before each test keeps tests apart
   * all the same.
   */
  boolean shared() default false;
}
