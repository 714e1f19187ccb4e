package dev.transferkit.sandbox.junit;

import dev.transferkit.sandbox.ResponseViolation;
import dev.transferkit.sandbox.Sandbox;
import dev.transferkit.sandbox.SandboxClock;
import dev.transferkit.sandbox.SandboxSeed;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link SandboxTest} (use the annotation). The sandbox lives in the
 * class's extension store (or the root store when shared), so JUnit closes it when the class (or
 * the run) ends.
 */
public final class SandboxExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SandboxExtension.class);
  private static final List<Class<?>> INJECTED =
      List.of(
          Sandbox.class,
          SandboxUrls.class,
          SandboxSeed.class,
          SandboxClock.class,
          SandboxAdmin.class);

  /** The running sandbox and what the tests get from it; closed by JUnit with its store. */
  private record Running(Sandbox sandbox, SandboxAdmin admin)
      implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      sandbox.close();
    }
  }

  /**
   * How many response violations there were before the current test (per test, in the method's
   * store).
   */
  private record Before(int violations) {}

  @Override
  public void beforeAll(ExtensionContext context) {
    running(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Running r = running(context);
    r.sandbox().reset();
    context
        .getStore(NAMESPACE)
        .put(Before.class, new Before(r.sandbox().responseViolations().size()));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Before before = context.getStore(NAMESPACE).get(Before.class, Before.class);
    List<ResponseViolation> all = running(context).sandbox().responseViolations();
    if (before != null && all.size() > before.violations()) {
      throw new AssertionError(
          "sandbox responses broke the spec: " + all.subList(before.violations(), all.size()));
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return INJECTED.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Running r = running(context);
    Sandbox s = r.sandbox();
    Class<?> type = parameter.getParameter().getType();
    if (type == Sandbox.class) {
      return s;
    } else if (type == SandboxUrls.class) {
      return new SandboxUrls(
          s.circleBaseUrl(), s.wyreBaseUrl(), s.streambirdBaseUrl(), s.adminBaseUrl());
    } else if (type == SandboxSeed.class) {
      return s.seed();
    } else if (type == SandboxClock.class) {
      return s.clock();
    }
    return r.admin();
  }

  private static Running running(ExtensionContext context) {
    SandboxTest settings = settings(context.getTestClass().orElse(null));
    ExtensionContext owner = settings.shared() ? context.getRoot() : classContext(context);
    String key =
        settings.shared()
            ? "shared:" + settings.clockAt() + ":" + settings.strictResponses()
            : "class";
    return owner.getStore(NAMESPACE).getOrComputeIfAbsent(key, k -> start(settings), Running.class);
  }

  /**
   * The annotation of the class, or of the nearest enclosing class that has it (for {@code @Nested}
   * classes).
   */
  private static SandboxTest settings(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      java.util.Optional<SandboxTest> found =
          AnnotationSupport.findAnnotation(c, SandboxTest.class);
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw new ExtensionConfigurationException("annotate the test class with @SandboxTest");
  }

  /**
   * The context of the outermost test class (nested classes share their enclosing class's sandbox).
   */
  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getParent().isPresent() && c.getParent().get().getTestClass().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  private static Running start(SandboxTest settings) {
    SandboxClock clock;
    try {
      clock =
          settings.clockAt().isEmpty()
              ? SandboxClock.frozenAtNow()
              : SandboxClock.at(Instant.parse(settings.clockAt()));
    } catch (java.time.format.DateTimeParseException e) {
      throw new ExtensionConfigurationException(
          "@SandboxTest(clockAt) is not an ISO-8601 instant: " + settings.clockAt(), e);
    }
    Sandbox sandbox =
        Sandbox.builder()
            .port(0)
            .clock(clock)
            .strictResponses(settings.strictResponses())
            .build()
            .start();
    return new Running(sandbox, new SandboxAdmin(sandbox));
  }
}
