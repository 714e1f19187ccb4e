package dev.transferkit.conformance.report;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.transferkit.conformance.spec.ExchangeLog;
import dev.transferkit.conformance.spec.RecordedExchange;
import dev.transferkit.conformance.spec.SpecValidator;
import dev.transferkit.conformance.spec.Violation;
import dev.transferkit.conformance.targets.Provider;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.HookTestStep;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestSourceParsed;
import io.cucumber.plugin.event.TestStep;
import io.cucumber.plugin.event.TestStepFinished;
import io.cucumber.plugin.event.TestStepStarted;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Cucumber plugin writing the conformance report ({@code
 * HtmlReport:target/conformance-report/report.html}): the scenarios grouped by provider and
 * walkthrough (feature), each with its failure first, then its steps, and under each step the
 * exchanges it made (request and response, secrets masked) with the spec's verdict. Exchanges come
 * from the spec check through {@link ExchangeLog}. Scenarios run one at a time, so an exchange
 * belongs to the step running when it arrives. Self-contained HTML: no script, no external
 * resource.
 */
public final class HtmlReport implements ConcurrentEventListener {
  /** Numbers exactly as sent: an amount is shown with every digit. */
  private static final ObjectWriter PRETTY =
      SpecValidator.exactJson().writerWithDefaultPrettyPrinter();

  private final File file;
  private final Map<URI, String> walkthroughs = new LinkedHashMap<>();
  private final List<ScenarioRecord> scenarios = new ArrayList<>();
  private ScenarioRecord scenario;
  private StepRecord step;
  private AutoCloseable subscription;

  public HtmlReport(File file) {
    this.file = file;
  }

  private static final class ScenarioRecord {
    final TestCase testCase;
    final List<StepRecord> steps = new ArrayList<>();
    ScenarioOutcome outcome;
    Result result;

    ScenarioRecord(TestCase testCase) {
      this.testCase = testCase;
    }
  }

  private static final class StepRecord {
    final TestStep testStep;
    final List<RecordedExchange> exchanges = new ArrayList<>();
    Result result;

    StepRecord(TestStep testStep) {
      this.testStep = testStep;
    }
  }

  @Override
  public void setEventPublisher(EventPublisher publisher) {
    publisher.registerHandlerFor(
        TestRunStarted.class, e -> subscription = ExchangeLog.subscribe(this::exchanged));
    publisher.registerHandlerFor(
        TestSourceParsed.class,
        e ->
            e.getNodes()
                .forEach(
                    node ->
                        walkthroughs.put(
                            e.getUri(), node.getName().orElse(e.getUri().toString()))));
    publisher.registerHandlerFor(TestCaseStarted.class, this::scenarioStarted);
    publisher.registerHandlerFor(TestStepStarted.class, this::stepStarted);
    publisher.registerHandlerFor(TestStepFinished.class, this::stepFinished);
    publisher.registerHandlerFor(TestCaseFinished.class, this::scenarioFinished);
    publisher.registerHandlerFor(TestRunFinished.class, e -> finish());
  }

  private synchronized void scenarioStarted(TestCaseStarted e) {
    scenario = new ScenarioRecord(e.getTestCase());
  }

  private synchronized void stepStarted(TestStepStarted e) {
    step = new StepRecord(e.getTestStep());
    if (scenario != null) {
      scenario.steps.add(step);
    }
  }

  private synchronized void stepFinished(TestStepFinished e) {
    if (step != null) {
      step.result = e.getResult();
    }
    step = null;
  }

  private synchronized void scenarioFinished(TestCaseFinished e) {
    if (scenario != null) {
      scenario.result = e.getResult();
      scenario.outcome = ScenarioOutcome.of(e.getTestCase(), e.getResult());
      scenarios.add(scenario);
    }
    scenario = null;
  }

  private synchronized void exchanged(RecordedExchange exchange) {
    if (step != null) {
      step.exchanges.add(exchange);
    }
  }

  private void finish() {
    try {
      if (subscription != null) {
        subscription.close();
      }
      File parent = file.getAbsoluteFile().getParentFile();
      if (parent != null) {
        Files.createDirectories(parent.toPath());
      }
      Files.writeString(file.toPath(), render(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot finish " + file, e);
    }
  }

  synchronized String render() {
    Map<String, Map<URI, List<ScenarioRecord>>> grouped =
        new TreeMap<>(
            Comparator.comparingInt(HtmlReport::rank).thenComparing(Comparator.naturalOrder()));
    for (ScenarioRecord s : scenarios) {
      grouped
          .computeIfAbsent(s.outcome.provider(), p -> new LinkedHashMap<>())
          .computeIfAbsent(s.testCase.getUri(), u -> new ArrayList<>())
          .add(s);
    }
    StringBuilder h = new StringBuilder(8192);
    h.append(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>TransferKit conformance</title>")
        .append("<style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>TransferKit conformance</h1>\n");
    h.append(
        "<table class=\"summary\"><tr><th>provider</th><th>passed</th><th>failed</th><th>skipped</th></tr>");
    grouped.forEach(
        (provider, byWalkthrough) -> {
          int[] c = counts(byWalkthrough.values().stream().flatMap(List::stream).toList());
          h.append("<tr><td><a href=\"#")
              .append(esc(provider))
              .append("\">")
              .append(esc(provider))
              .append("</a></td>")
              .append("<td>")
              .append(c[0])
              .append("</td><td class=\"")
              .append(c[1] > 0 ? "failed" : "")
              .append("\">")
              .append(c[1])
              .append("</td><td>")
              .append(c[2])
              .append("</td></tr>");
        });
    int[] all = counts(scenarios);
    h.append("<tr><th>all</th><th>")
        .append(all[0])
        .append("</th><th>")
        .append(all[1])
        .append("</th><th>")
        .append(all[2])
        .append("</th></tr></table>\n");
    if (scenarios.isEmpty()) {
      h.append("<p>No scenario ran.</p>");
    }
    grouped.forEach(
        (provider, byWalkthrough) -> {
          h.append("<section id=\"")
              .append(esc(provider))
              .append("\"><h2>")
              .append(esc(provider))
              .append("</h2>\n");
          byWalkthrough.forEach(
              (uri, list) -> {
                int[] c = counts(list);
                h.append("<h3>")
                    .append(esc(walkthroughs.getOrDefault(uri, uri.toString())))
                    .append(" <small>")
                    .append(esc(uri.toString().replaceFirst("^.*features/", "")))
                    .append(" &middot; ")
                    .append(c[0])
                    .append(" passed, ")
                    .append(c[1])
                    .append(" failed, ")
                    .append(c[2])
                    .append(" skipped</small></h3>\n");
                list.forEach(s -> scenario(h, s));
              });
          h.append("</section>\n");
        });
    return h.append("</body></html>\n").toString();
  }

  private static void scenario(StringBuilder h, ScenarioRecord s) {
    ScenarioOutcome o = s.outcome;
    String verdict = o.verdict().toLowerCase(Locale.ROOT);
    h.append("<details class=\"scenario ")
        .append(verdict)
        .append('"')
        .append(o.failed() ? " open" : "")
        .append("><summary><span class=\"badge ")
        .append(verdict)
        .append("\">")
        .append(o.verdict())
        .append("</span> ")
        .append(esc(o.name()))
        .append(" <small>")
        .append(esc(o.where()))
        .append(", ")
        .append(o.millis())
        .append(" ms</small></summary>\n");
    if (!o.passed()) {
      h.append("<pre class=\"why ")
          .append(verdict)
          .append("\">")
          .append(esc(Failures.describe(s.result.getError())))
          .append("</pre>\n");
    }
    h.append("<ol class=\"steps\">");
    for (StepRecord st : s.steps) {
      boolean hook = st.testStep instanceof HookTestStep;
      String status =
          st.result == null ? "skipped" : st.result.getStatus().name().toLowerCase(Locale.ROOT);
      if (hook && st.exchanges.isEmpty() && !"failed".equals(status)) {
        continue; // hooks are shown only when they did something worth seeing
      }
      h.append("<li class=\"").append(status).append("\"><span class=\"step\">");
      if (st.testStep instanceof PickleStepTestStep p) {
        h.append("<b>")
            .append(esc(p.getStep().getKeyword().strip()))
            .append("</b> ")
            .append(esc(p.getStepText()));
      } else if (hook) {
        h.append("<i>")
            .append(esc(((HookTestStep) st.testStep).getHookType().name().toLowerCase(Locale.ROOT)))
            .append(" hook</i>");
      }
      h.append("</span> <small>").append(status).append("</small>");
      if ("failed".equals(status) && st.result.getError() != null) {
        h.append("<pre class=\"why failed\">")
            .append(esc(Failures.describe(st.result.getError())))
            .append("</pre>");
      }
      st.exchanges.forEach(x -> exchange(h, x));
      h.append("</li>\n");
    }
    h.append("</ol></details>\n");
  }

  private static void exchange(StringBuilder h, RecordedExchange x) {
    SpecValidator.Exchange e = x.exchange();
    boolean keeps = x.violations().isEmpty();
    h.append("<details class=\"exchange ")
        .append(keeps ? "keeps" : "breaks")
        .append("\"><summary><code>")
        .append(esc(e.method()))
        .append(' ')
        .append(esc(e.path()))
        .append(esc(query(e.query())))
        .append(" &rarr; ")
        .append(e.status())
        .append("</code> ")
        .append(esc(x.operation()))
        .append(" <small>(")
        .append(esc(x.spec()))
        .append(")</small> <span class=\"verdict\">")
        .append(keeps ? "keeps the spec" : x.violations().size() + " spec violation(s)")
        .append("</span></summary>");
    if (!keeps) {
      h.append("<ul class=\"violations\">");
      for (Violation v : x.violations()) {
        h.append("<li>").append(esc(v.toString())).append("</li>");
      }
      h.append("</ul>");
    }
    h.append("<div class=\"http\"><div><h4>request</h4><pre>")
        .append(esc(headers(e.requestHeaders())))
        .append(esc(pretty(e.requestBody())))
        .append("</pre></div><div><h4>response ")
        .append(e.status())
        .append("</h4><pre>")
        .append(esc(headers(e.responseHeaders())))
        .append(esc(pretty(e.responseBody())))
        .append("</pre></div></div></details>");
  }

  private static String query(Map<String, List<String>> query) {
    StringBuilder q = new StringBuilder();
    query.forEach(
        (name, values) ->
            values.forEach(
                v -> q.append(q.length() == 0 ? '?' : '&').append(name).append('=').append(v)));
    return q.toString();
  }

  private static String headers(Map<String, List<String>> headers) {
    StringBuilder b = new StringBuilder();
    headers.forEach(
        (name, values) -> values.forEach(v -> b.append(name).append(": ").append(v).append('\n')));
    return b.append('\n').toString();
  }

  private static String pretty(String body) {
    if (body == null || body.isEmpty()) {
      return "";
    }
    try {
      return PRETTY.writeValueAsString(SpecValidator.exactJson().readTree(body));
    } catch (IOException notJson) {
      return body;
    }
  }

  private static int[] counts(List<ScenarioRecord> list) {
    int[] c = new int[3];
    for (ScenarioRecord s : list) {
      c[s.outcome.passed() ? 0 : s.outcome.failed() ? 1 : 2]++;
    }
    return c;
  }

  /** Providers in the order of {@link Provider}; anything else after them. */
  private static int rank(String provider) {
    for (Provider p : Provider.values()) {
      if (p.name().toLowerCase(Locale.ROOT).equals(provider)) {
        return p.ordinal();
      }
    }
    return Provider.values().length;
  }

  private static String esc(String text) {
    return com.google.common.html.HtmlEscapers.htmlEscaper()
        .escape(text); // Guava's, via the validator
  }

  private static final String STYLE =
      "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}"
          + "table.summary{border-collapse:collapse}table.summary td,table.summary th{border:1px solid #ccc;"
          + "padding:.2em .8em;text-align:right}td.failed{color:#b00;font-weight:bold}"
          + "h3 small,summary small{color:#666;font-weight:normal}details.scenario{margin:.3em 0;padding:.2em .5em;"
          + "border-left:4px solid #ccc}details.scenario.passed{border-color:#2a2}details.scenario.failed"
          + "{border-color:#c22}details.scenario.skipped{border-color:#c92}.badge{font-size:11px;padding:0 .4em;"
          + "border-radius:3px;color:#fff}.badge.passed{background:#2a2}.badge.failed{background:#c22}.badge.skipped"
          + "{background:#c92}pre{background:#f6f6f6;padding:.5em;overflow:auto;max-height:30em;white-space:pre-wrap}"
          + "pre.why.failed{background:#fee;border:1px solid #c22}pre.why.skipped{background:#ffe}"
          + "li.failed>.step{color:#b00}li.skipped>.step{color:#999}details.exchange{margin:.2em 0 .2em 1em}"
          + "details.exchange.breaks .verdict{color:#b00;font-weight:bold}details.exchange.keeps .verdict{color:#2a2}"
          + ".http{display:flex;gap:1em}.http>div{flex:1;min-width:0}h4{margin:.3em 0}";
}
