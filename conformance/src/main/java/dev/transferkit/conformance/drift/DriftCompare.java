package dev.transferkit.conformance.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.transferkit.conformance.control.SandboxControl;
import dev.transferkit.conformance.spec.RecordedExchange;
import dev.transferkit.conformance.spec.SpecValidator;
import dev.transferkit.sandbox.Sandbox;
import dev.transferkit.sandbox.SandboxSeed;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Holds the local sandbox against recordings of a real target ({@link Recording}s): each recorded
 * scenario is replayed in order against a freshly reset sandbox, and the sandbox's answer to each
 * request compared with the recorded one: status, shape (the fields present and their JSON types)
 * and the values of fields the spec declares an enumeration. Ids and timestamps are never compared
 * by value.
 *
 * <p>Replaying needs the sandbox's own ids: an id the target gave in a recorded answer (a field
 * named {@code id}, {@code ...Id} or {@code ..._id}) is mapped to the id the sandbox gave in the
 * same place of its answer, and every later request of the scenario carries the sandbox's; the
 * fixtures map the target's pre-existing ids back to the docs' ones the sandbox seeds. Masked
 * credentials are replaced by the sandbox's keys (Bearer mode, as each spec documents it), a masked
 * secret from an answer (a user token) by the one the sandbox answered.
 */
public final class DriftCompare {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MASK = "****";

  private final Sandbox sandbox;
  private final Map<String, String> fixturesReverse;
  private final OkHttpClient http = new OkHttpClient();
  private final SandboxControl control;

  /** What differs for one operation, with how many replayed exchanges showed each difference. */
  public record OperationDrift(String operation, int compared, Map<String, Integer> differences) {}

  /**
   * @param sandbox the local sandbox to hold against the recordings (reset before each recording)
   * @param fixturesReverse the target's ids mapped to the docs' ones ({@code Fixtures.reverse()})
   */
  public DriftCompare(Sandbox sandbox, Map<String, String> fixturesReverse) {
    this.sandbox = sandbox;
    this.fixturesReverse = Map.copyOf(fixturesReverse);
    this.control = new SandboxControl(sandbox.adminBaseUrl());
  }

  /**
   * Replays every recording under {@code dir}; per operation ({@code provider spec operationId}),
   * what differs.
   */
  public Map<String, OperationDrift> compare(Path dir) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the recordings in " + dir, e);
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          "no recording (*.json) under " + dir + ": record one with --record");
    }
    Map<String, int[]> compared = new TreeMap<>();
    Map<String, Map<String, Integer>> differences = new TreeMap<>();
    for (Path file : files) {
      Recording recording;
      try {
        recording = Recording.read(file);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "not a recording: " + file + " (" + e.getMessage() + ")", e);
      }
      sandbox.reset();
      Map<String, String> ids = new HashMap<>(fixturesReverse);
      Map<String, String> secrets = new HashMap<>();
      for (RecordedExchange x : recording.exchanges()) {
        alignState(x, ids);
        String key = x.provider() + " " + x.spec() + " " + x.operation();
        compared.computeIfAbsent(key, k -> new int[1])[0]++;
        Map<String, Integer> found = differences.computeIfAbsent(key, k -> new LinkedHashMap<>());
        Answer answer = replay(x, ids, secrets);
        for (String d : differences(x, answer)) {
          found.merge(d, 1, Integer::sum);
        }
        learn(parse(x.exchange().responseBody()), parse(answer.body), "", ids, secrets);
      }
    }
    Map<String, OperationDrift> result = new LinkedHashMap<>();
    compared.forEach((op, n) -> result.put(op, new OperationDrift(op, n[0], differences.get(op))));
    return result;
  }

  /** Prints the comparison, one block per operation; true when nothing differs. */
  public static boolean print(Map<String, OperationDrift> drift, PrintStream out) {
    boolean none = true;
    out.println("Drift: the local sandbox against the recorded answers, per operation");
    for (OperationDrift d : drift.values()) {
      int kinds = d.differences().size();
      out.printf(
          Locale.ROOT,
          "  %-70s %3d compared, %s%n",
          d.operation(),
          d.compared(),
          kinds == 0 ? "same" : kinds + " difference(s)");
      d.differences()
          .forEach(
              (what, n) -> out.printf(Locale.ROOT, "      %s (%d of %d)%n", what, n, d.compared()));
      none &= kinds == 0;
    }
    out.println(
        none
            ? "No drift."
            : "Drift found: the local sandbox no longer answers like the recorded target.");
    return none;
  }

  private record Answer(int status, String body) {}

  /**
   * Gives the sandbox the state the recorded answer shows, where the walkthrough depends on it: on
   * a real target the suite reads a Circle account's balances first and works relative to them (an
   * insufficient-funds attempt asks for 0.01 more than the account holds), so the sandbox's account
   * must hold what the target's held.
   */
  private void alignState(RecordedExchange x, Map<String, String> ids) {
    if (!x.provider().equals("circle")
        || !x.operation().equals("getAccountBalances")
        || x.exchange().status() != 200) {
      return;
    }
    JsonNode balances = parse(x.exchange().responseBody());
    if (balances == null) {
      return;
    }
    String[] path = x.exchange().path().split("/");
    String account = ids.getOrDefault(path[path.length - 1], path[path.length - 1]);
    for (JsonNode balance : balances.path("data").path("available")) {
      control.setCircleAccountBalance(
          account,
          new BigDecimal(balance.path("amount").asText()),
          balance.path("currency").asText());
    }
  }

  private Answer replay(RecordedExchange x, Map<String, String> ids, Map<String, String> secrets) {
    SpecValidator.Exchange e = x.exchange();
    HttpUrl.Builder url = HttpUrl.get(baseUrl(x.provider())).newBuilder();
    for (String segment : e.path().substring(1).split("/", -1)) {
      url.addPathSegment(ids.getOrDefault(segment, segment));
    }
    e.query()
        .forEach(
            (name, values) ->
                values.forEach(v -> url.addQueryParameter(name, ids.getOrDefault(v, v))));
    Request.Builder request = new Request.Builder().url(url.build());
    String contentType = null;
    for (Map.Entry<String, List<String>> h : e.requestHeaders().entrySet()) {
      String name = h.getKey();
      if (name.equalsIgnoreCase("Content-Type")) {
        contentType = h.getValue().isEmpty() ? null : h.getValue().get(0);
        continue;
      }
      if (Set.of("host", "content-length", "connection", "accept-encoding", "authorization")
          .contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      for (String value : h.getValue()) {
        if (value.contains(MASK)) {
          String secret = secretFor(name, secrets);
          if (secret != null) {
            request.addHeader(name, secret);
          } // else a credential of the target (Wyre's HMAC headers): the sandbox's key goes below
          // instead
        } else {
          request.addHeader(name, ids.getOrDefault(value, value));
        }
      }
    }
    request.header("Authorization", "Bearer " + key(x.provider()));
    RequestBody body = null;
    if (e.requestBody() != null && !e.requestBody().isEmpty()) {
      String text = e.requestBody();
      for (Map.Entry<String, String> id : ids.entrySet()) {
        text =
            text.replace("\"" + id.getKey() + "\"", "\"" + id.getValue() + "\"")
                .replace(
                    ":" + id.getKey() + "\"", ":" + id.getValue() + "\""); // an id inside an SRN
      }
      body =
          RequestBody.create(
              text.getBytes(StandardCharsets.UTF_8),
              contentType == null ? null : MediaType.parse(contentType));
    } else if (!e.method().equals("GET")
        && !e.method().equals("HEAD")
        && !e.method().equals("DELETE")) {
      body = RequestBody.create(new byte[0], null);
    }
    request.method(e.method(), body);
    try (Response response = http.newCall(request.build()).execute()) {
      return new Answer(response.code(), response.body() == null ? "" : response.body().string());
    } catch (IOException ex) {
      throw new UncheckedIOException(
          "cannot replay " + e.method() + " " + e.path() + " against the sandbox", ex);
    }
  }

  private String baseUrl(String provider) {
    return switch (provider) {
      case "circle" -> sandbox.circleBaseUrl();
      case "wyre" -> sandbox.wyreBaseUrl();
      case "streambird" -> sandbox.streambirdBaseUrl();
      default -> throw new IllegalArgumentException("unknown provider in a recording: " + provider);
    };
  }

  /** The sandbox's key in each spec's Bearer scheme (Wyre's Bearer mode takes the secret key). */
  private String key(String provider) {
    SandboxSeed seed = sandbox.seed();
    return switch (provider) {
      case "circle" -> seed.circleApiKey();
      case "wyre" -> seed.wyreSecretKey();
      default -> seed.streambirdApiKey();
    };
  }

  /**
   * A masked header ({@code X-User-Token}) takes the secret answered in a field its name ends with
   * (userToken).
   */
  private static String secretFor(String header, Map<String, String> secrets) {
    String h = normalized(header);
    for (Map.Entry<String, String> s : secrets.entrySet()) {
      if (h.endsWith(s.getKey())) {
        return s.getValue();
      }
    }
    return null;
  }

  private static String normalized(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private List<String> differences(RecordedExchange x, Answer answer) {
    List<String> found = new ArrayList<>();
    int recordedStatus = x.exchange().status();
    if (recordedStatus != answer.status()) {
      found.add("status " + recordedStatus + " recorded, " + answer.status() + " from the sandbox");
      return found; // another status: another body, nothing more to compare
    }
    Map<String, Set<String>> recorded = shape(parse(x.exchange().responseBody()));
    Map<String, Set<String>> local = shape(parse(answer.body()));
    for (Map.Entry<String, Set<String>> f : recorded.entrySet()) {
      Set<String> there = local.get(f.getKey());
      if (there == null) {
        found.add("field " + f.getKey() + " recorded, absent from the sandbox's answer");
      } else if (!there.equals(f.getValue())) {
        found.add(
            "field "
                + f.getKey()
                + ": "
                + String.join("|", f.getValue())
                + " recorded, "
                + String.join("|", there)
                + " from the sandbox");
      }
    }
    for (String field : local.keySet()) {
      if (!recorded.containsKey(field)) {
        found.add("field " + field + " in the sandbox's answer, not recorded");
      }
    }
    SpecValidator specs = SpecValidator.forProvider(x.provider());
    Map<String, Set<String>> recordedValues = values(parse(x.exchange().responseBody()));
    Map<String, Set<String>> localValues = values(parse(answer.body()));
    recordedValues.forEach(
        (field, values) -> {
          Set<String> there = localValues.get(field);
          if (there != null
              && !there.equals(values)
              && !specs.responseEnum(x.spec(), x.operation(), recordedStatus, field).isEmpty()) {
            found.add(
                "field " + field + ": " + values + " recorded, " + there + " from the sandbox");
          }
        });
    return found;
  }

  /** Each field (array elements as {@code *}) with the JSON types it takes. */
  private static Map<String, Set<String>> shape(JsonNode node) {
    Map<String, Set<String>> out = new TreeMap<>();
    walk(
        node,
        "",
        (pointer, leaf) -> out.computeIfAbsent(pointer, p -> new TreeSet<>()).add(type(leaf)));
    out.remove("");
    return out;
  }

  /** Each text field's values (array elements as {@code *}). */
  private static Map<String, Set<String>> values(JsonNode node) {
    Map<String, Set<String>> out = new TreeMap<>();
    walk(
        node,
        "",
        (pointer, leaf) -> {
          if (leaf.isTextual()) {
            out.computeIfAbsent(pointer, p -> new TreeSet<>()).add(leaf.asText());
          }
        });
    return out;
  }

  private interface Visitor {
    void visit(String pointer, JsonNode node);
  }

  private static void walk(JsonNode node, String pointer, Visitor visitor) {
    if (node == null) {
      return;
    }
    visitor.visit(pointer, node);
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> walk(f.getValue(), pointer + "/" + f.getKey(), visitor));
    } else if (node.isArray()) {
      node.forEach(element -> walk(element, pointer + "/*", visitor));
    }
  }

  private static String type(JsonNode node) {
    return node.isObject()
        ? "object"
        : node.isArray()
            ? "array"
            : node.isTextual()
                ? "string"
                : node.isNumber() ? "number" : node.isBoolean() ? "boolean" : "null";
  }

  /**
   * Learns the sandbox's ids and secrets from the same places of the recorded and the sandbox's
   * answer.
   */
  private static void learn(
      JsonNode recorded,
      JsonNode local,
      String name,
      Map<String, String> ids,
      Map<String, String> secrets) {
    if (recorded == null || local == null) {
      return;
    }
    if (recorded.isObject() && local.isObject()) {
      recorded
          .fields()
          .forEachRemaining(
              f -> learn(f.getValue(), local.get(f.getKey()), f.getKey(), ids, secrets));
    } else if (recorded.isArray() && local.isArray()) {
      for (int i = 0; i < Math.min(recorded.size(), local.size()); i++) {
        learn(recorded.get(i), local.get(i), name, ids, secrets);
      }
    } else if (recorded.isTextual() && local.isTextual()) {
      if (recorded.asText().equals(MASK)) {
        secrets.put(normalized(name), local.asText());
      } else if (isId(name) && !recorded.asText().equals(local.asText())) {
        ids.put(recorded.asText(), local.asText());
      }
    }
  }

  private static boolean isId(String name) {
    return name.equals("id") || name.endsWith("Id") || name.endsWith("_id");
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isEmpty()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }
}
