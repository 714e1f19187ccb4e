package dev.transferkit.sandbox;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The inspector page at {@code /__admin/}: plain server-rendered HTML without scripts or external
 * assets, showing the clock (with a form that advances it), each provider's recent requests, the
 * webhook deliveries and the balances per API key. Written by hand with {@link #esc} on every
 * value: one page of tables does not justify a template engine.
 */
final class Inspector {
  private final Engine engine;
  private final List<ProviderApi> providers;
  private final RequestLog requests;

  Inspector(Engine engine, List<ProviderApi> providers, RequestLog requests) {
    this.engine = engine;
    this.providers = providers;
    this.requests = requests;
  }

  /**
   * The form post of the clock button: {@code minutes=N}; answers with the number of minutes it
   * moved.
   */
  Duration advance(byte[] form) {
    long minutes = 0;
    for (String pair : new String(form, StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals("minutes")) {
        minutes =
            Long.parseLong(
                URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8).trim());
      }
    }
    if (minutes <= 0) {
      throw new IllegalArgumentException("minutes must be a positive number");
    }
    Duration d = Duration.ofMinutes(minutes);
    engine.clock.advance(d);
    return d;
  }

  /** The page. {@code tokenQuery}: "" or "?token=..." to keep on the form's target. */
  String render(String tokenQuery) {
    StringBuilder h = new StringBuilder(16_384);
    h.append(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>TransferKit sandbox</title>")
        .append(
            "<style>body{font:14px system-ui,sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;")
        .append(
            "margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}")
        .append(
            "th{background:#f3f3f3}.bad{color:#b00020}.ok{color:#0a7d32}pre{margin:0;white-space:pre-wrap;word-break:break-all;")
        .append("max-width:60em}code{font-size:12px}</style></head><body>");
    h.append("<h1>TransferKit sandbox</h1>");
    synchronized (engine) {
      h.append("<section id=\"clock\"><h2>Clock</h2><p>Sandbox time: <strong id=\"now\">")
          .append(esc(Json.iso(engine.now())))
          .append("</strong> (")
          .append(engine.clock.isTicking() ? "ticking" : "frozen")
          .append(")</p><form method=\"post\" action=\"/__admin/inspector/clock")
          .append(esc(tokenQuery))
          .append(
              "\"><label>Advance by <input name=\"minutes\" type=\"number\" min=\"1\" value=\"15\"> minutes")
          .append(
              "</label> <button id=\"advance\" type=\"submit\">Advance the clock</button></form></section>");
    }
    h.append("<section id=\"requests\"><h2>Recent requests</h2>");
    for (ProviderApi p : providers) {
      List<RequestLog.Entry> recent = requests.recent(p.prefix());
      h.append("<h3>").append(esc(p.prefix())).append("</h3>");
      if (recent.isEmpty()) {
        h.append("<p>None yet.</p>");
        continue;
      }
      h.append("<table><tr><th>at</th><th>method</th><th>path</th><th>status</th><th>latency</th>")
          .append("<th>spec violation</th></tr>");
      for (RequestLog.Entry e : recent) {
        h.append("<tr><td>")
            .append(esc(e.at().toString()))
            .append("</td><td>")
            .append(esc(e.method()))
            .append("</td><td><code>")
            .append(esc(e.path()))
            .append("</code></td><td class=\"")
            .append(e.status() < 400 ? "ok" : "bad")
            .append("\">")
            .append(e.status())
            .append("</td><td>")
            .append(
                e.micros() < 1000
                    ? e.micros() + " µs"
                    : String.format("%.1f ms", e.micros() / 1000.0))
            .append("</td><td class=\"bad\">")
            .append(esc(String.join("; ", e.violations())))
            .append("</td></tr>");
      }
      h.append("</table>");
    }
    h.append("</section>");
    synchronized (engine) {
      renderWebhooks(h);
      renderBalances(h);
    }
    h.append("</body></html>");
    return h.toString();
  }

  private void renderWebhooks(StringBuilder h) {
    List<Webhooks.Delivery> deliveries = engine.webhooks.deliveries();
    h.append("<section id=\"webhooks\"><h2>Webhook deliveries</h2>");
    if (deliveries.isEmpty()) {
      h.append("<p>None yet.</p></section>");
      return;
    }
    h.append(
            "<table><tr><th>provider</th><th>kind</th><th>to</th><th>state</th><th>attempts and answers</th>")
        .append("<th>headers (signature)</th><th>payload</th></tr>");
    for (int i = deliveries.size() - 1; i >= 0; i--) {
      Webhooks.Delivery d = deliveries.get(i);
      h.append("<tr><td>")
          .append(esc(d.provider))
          .append("</td><td>")
          .append(esc(d.kind))
          .append("</td><td><code>")
          .append(esc(d.url))
          .append("</code></td><td class=\"")
          .append(d.state.equals("failed") ? "bad" : "ok")
          .append("\">")
          .append(esc(d.state))
          .append("</td><td>");
      for (String a : d.attempts) {
        h.append(esc(a)).append("<br>");
      }
      h.append("</td><td>");
      d.headers.forEach(
          (k, v) ->
              h.append("<code>").append(esc(k)).append(": ").append(esc(v)).append("</code><br>"));
      h.append("</td><td><pre>")
          .append(esc(new String(d.body, StandardCharsets.UTF_8)))
          .append("</pre></td></tr>");
    }
    h.append("</table></section>");
  }

  private void renderBalances(StringBuilder h) {
    h.append("<section id=\"balances\"><h2>Balances per API key</h2>");
    for (ProviderApi p : providers) {
      Map<String, Map<String, BigDecimal>> all = p.book().all();
      Map<String, StringBuilder> byKey = new TreeMap<>();
      all.forEach(
          (holder, balances) -> {
            String key = p.apiKeyOf(holder);
            StringBuilder rows =
                byKey.computeIfAbsent(key == null ? "(system)" : key, k -> new StringBuilder());
            balances.forEach(
                (currency, amount) ->
                    rows.append("<tr><td><code>")
                        .append(esc(holder))
                        .append("</code></td><td>")
                        .append(esc(currency))
                        .append("</td><td>")
                        .append(esc(amount.toPlainString()))
                        .append("</td></tr>"));
          });
      h.append("<h3>").append(esc(p.prefix())).append("</h3>");
      byKey.forEach(
          (key, rows) ->
              h.append("<h4>")
                  .append(esc(key))
                  .append("</h4><table><tr><th>holder</th>")
                  .append("<th>currency</th><th>balance</th></tr>")
                  .append(rows)
                  .append("</table>"));
    }
    h.append("</section>");
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return com.google.common.html.HtmlEscapers.htmlEscaper()
        .escape(s); // Guava's, via the validator
  }
}
