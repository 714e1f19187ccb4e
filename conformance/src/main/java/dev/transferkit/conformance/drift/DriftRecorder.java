package dev.transferkit.conformance.drift;

import dev.transferkit.conformance.spec.ExchangeLog;
import dev.transferkit.conformance.spec.RecordedExchange;
import dev.transferkit.conformance.targets.Provider;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * A Cucumber plugin ({@code DriftRecorder:DIR}, the runner's {@code --record DIR}) writing one
 * {@link Recording} per scenario that exchanged anything: what the target answered, for {@link
 * DriftCompare} to hold the local sandbox against later. Exchanges come from the spec check through
 * {@link ExchangeLog}, masked; scenarios run one at a time.
 */
public final class DriftRecorder implements ConcurrentEventListener {
  private final File dir;
  private List<RecordedExchange> exchanges;
  private AutoCloseable subscription;

  public DriftRecorder(File dir) {
    this.dir = dir;
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(
        TestRunStarted.class, e -> subscription = ExchangeLog.subscribe(this::exchanged));
    publisher.registerHandlerFor(TestCaseStarted.class, e -> started());
    publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
    publisher.registerHandlerFor(
        TestRunFinished.class,
        e -> {
          try {
            if (subscription != null) {
              subscription.close();
            }
          } catch (Exception ex) {
            throw new IllegalStateException(ex);
          }
        });
  }

  private synchronized void started() {
    exchanges = new ArrayList<>();
  }

  private synchronized void exchanged(RecordedExchange exchange) {
    if (exchanges != null) {
      exchanges.add(exchange);
    }
  }

  private synchronized void finished(TestCaseFinished event) {
    TestCase tc = event.getTestCase();
    List<RecordedExchange> these = exchanges;
    exchanges = null;
    if (these == null || these.isEmpty()) {
      return; // skipped before any call: nothing to hold the sandbox against
    }
    String provider =
        Provider.fromTags(new HashSet<>(tc.getTags()))
            .map(p -> p.name().toLowerCase(Locale.ROOT))
            .orElse("other");
    Recording recording =
        new Recording(
            tc.getName(),
            tc.getUri().toString().replaceFirst("^.*features/", ""),
            tc.getLocation().getLine(),
            provider,
            event.getResult().getStatus().name(),
            these);
    try {
      recording.write(dir.toPath());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the recording of " + tc.getName() + " under " + dir, e);
    }
  }
}
