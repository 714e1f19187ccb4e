package dev.transferkit.specs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Our lint for specs/: parses and validates a spec, then checks the conventions of specs/README.md
 * that the generator templates, the runtime and the sandbox rely on. Every problem names the file
 * and where it is.
 */
final class SpecLint {
  private static final Pattern CAMEL = Pattern.compile("[a-z][A-Za-z0-9]*");
  private static final Pattern MONEY_NAME =
      Pattern.compile("(?i).*(amount|fee|fees|balance|exchangerate|rate)$");
  private static final Pattern TIME_NAME = Pattern.compile(".*(At|_at|Date|Arrival)$");
  private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

  /**
   * Header names that say their value is a credential: such a header must be marked
   * x-transferkit-secret.
   */
  private static final Pattern CREDENTIAL_HEADER =
      Pattern.compile("(?i).*(token|key|secret|signature|password).*");

  static final String SECRET = "x-transferkit-secret";

  private final String file;
  private final List<String> problems = new ArrayList<>();
  private OpenAPI api;

  private SpecLint(String file) {
    this.file = file;
  }

  /**
   * Lints one spec file (an API); returns its problems, each prefixed with the file name. What it
   * references in a shared file ({@code $ref: 'common.yaml#/...'}) is linted with it, by the same
   * rules.
   */
  static List<String> lint(Path spec, String displayName) {
    SpecLint lint = new SpecLint(displayName);
    lint.run(spec);
    return lint.problems;
  }

  /**
   * Lints a shared file ({@link Provider#sharedFiles()}, e.g. {@code circle/common.yaml}):
   * components only, by the same schema rules as a spec; its error answers use the provider's
   * {@code Error} schema. Servers, security, operations and error codes belong to each API's spec.
   */
  static List<String> lintShared(Path spec, String displayName) {
    SpecLint lint = new SpecLint(displayName);
    lint.runShared(spec);
    return lint.problems;
  }

  private void problem(String where, String what) {
    problems.add(file + ": " + where + ": " + what);
  }

  private void run(Path spec) {
    if (!parse(spec)) {
      return;
    }
    checkSharedNames(spec);
    checkServers();
    checkSecurity();
    checkOperations();
    checkSchemas();
    checkErrorCodes();
  }

  private void runShared(Path spec) {
    if (!parse(spec)) {
      return;
    }
    if (api.getPaths() != null && !api.getPaths().isEmpty()) {
      problem("paths", "a shared file holds components only (paths: {}), no operations");
    }
    if (api.getSecurity() != null
        || (api.getComponents() != null && api.getComponents().getSecuritySchemes() != null)) {
      problem("security", "belongs in each API's spec, not in a shared file");
    }
    if (api.getExtensions() != null && api.getExtensions().containsKey("x-transferkit-errors")) {
      problem("x-transferkit-errors", "belongs in each API's spec, not in a shared file");
    }
    if (api.getComponents() != null && api.getComponents().getResponses() != null) {
      api.getComponents()
          .getResponses()
          .forEach(
              (name, response) -> {
                String where = "components.responses." + name;
                if (isBlank(response.getDescription())) {
                  problem(where, "needs a description");
                }
                String ref = schemaRef(response.getContent());
                if (ref == null || !ref.endsWith("/Error")) {
                  problem(where, "errors must use the provider's Error schema, was " + ref);
                }
              });
    }
    checkSchemas();
  }

  /**
   * A schema this spec defines must not also come from a shared file it refers to: swagger-parser
   * then bundles the shared one as {@code <Name>_1}, and the generator (whose schemaMappings name
   * {@code <Name>} as the shared class) would quietly use the shared class for the local schema.
   */
  private void checkSharedNames(Path spec) {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    OpenAPI own =
        new OpenAPIV3Parser().readLocation(spec.toUri().toString(), null, options).getOpenAPI();
    if (own == null
        || own.getComponents() == null
        || own.getComponents().getSchemas() == null
        || api.getComponents() == null
        || api.getComponents().getSchemas() == null) {
      return;
    }
    Set<String> local = own.getComponents().getSchemas().keySet();
    for (String name : api.getComponents().getSchemas().keySet()) {
      java.util.regex.Matcher renamed = BUNDLED_CLASH.matcher(name);
      if (!local.contains(name) && renamed.matches() && local.contains(renamed.group(1))) {
        problem(
            "schema " + renamed.group(1),
            "also defined in a shared file this spec refers to (bundled as "
                + name
                + "): define it once, in the shared file");
      }
    }
  }

  /** How swagger-parser names a referenced schema whose name the spec already uses. */
  private static final Pattern BUNDLED_CLASH = Pattern.compile("(.+)_[0-9]+");

  /**
   * Parses {@code spec} with what it references in other files ({@code $ref:
   * 'common.yaml#/components/schemas/Money'}) bundled by swagger-parser as local components, so
   * every rule below sees one document; checks the version and the description. False when it does
   * not parse.
   */
  private boolean parse(Path spec) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result =
        new OpenAPIV3Parser().readLocation(spec.toUri().toString(), null, options);
    if (result.getMessages() != null) {
      for (String m : result.getMessages()) {
        problem("parse", m);
      }
    }
    api = result.getOpenAPI();
    if (api == null) {
      problem("parse", "not an OpenAPI document");
      return false;
    }
    if (!"3.0.3".equals(api.getOpenapi())) {
      problem("openapi", "must be 3.0.3, was " + api.getOpenapi());
    }
    if (api.getInfo() == null || isBlank(api.getInfo().getDescription())) {
      problem("info", "needs a description");
    }
    return true;
  }

  /**
   * The kinds an {@code x-transferkit-errors} entry may name (the client runtime's exception
   * kinds).
   */
  static final Set<String> ERROR_KINDS =
      Set.of(
          "AUTHENTICATION",
          "PERMISSION",
          "NOT_FOUND",
          "INVALID_REQUEST",
          "CONFLICT",
          "IDEMPOTENCY_CONFLICT",
          "INSUFFICIENT_FUNDS",
          "RATE_LIMIT",
          "SERVER");

  private void checkErrorCodes() {
    Object raw =
        api.getExtensions() == null ? null : api.getExtensions().get("x-transferkit-errors");
    if (raw == null) {
      return;
    }
    if (!(raw instanceof java.util.List)) {
      problem(
          "x-transferkit-errors",
          "must be a list of {code, kind, description, onlyForStatus?, hint?}");
      return;
    }
    Set<String> unconditional = new java.util.HashSet<>();
    for (Object o : (java.util.List<?>) raw) {
      if (!(o instanceof Map)) {
        problem("x-transferkit-errors", "entries must be objects");
        continue;
      }
      Map<?, ?> e = (Map<?, ?>) o;
      String where = "x-transferkit-errors " + e.get("code");
      if (e.get("code") == null) {
        problem("x-transferkit-errors", "an entry needs a code");
      }
      if (!ERROR_KINDS.contains(String.valueOf(e.get("kind")))) {
        problem(
            where,
            "kind must be one of "
                + new java.util.TreeSet<>(ERROR_KINDS)
                + ", was "
                + e.get("kind"));
      }
      if (e.get("description") == null || isBlank(String.valueOf(e.get("description")))) {
        problem(where, "needs a description");
      }
      Object status = e.get("onlyForStatus");
      if (status != null
          && !(status instanceof Integer && (Integer) status >= 400 && (Integer) status < 500)) {
        problem(where, "onlyForStatus must be a 4xx status, was " + status);
      }
      if (status == null && !unconditional.add(String.valueOf(e.get("code")))) {
        problem(where, "listed twice without onlyForStatus");
      }
      if (status != null && unconditional.contains(String.valueOf(e.get("code")))) {
        problem(where, "an onlyForStatus entry must come before the code's entry without it");
      }
    }
  }

  /** The environments a client facade offers; each spec names one server for each. */
  static final Set<String> ENVIRONMENTS = new java.util.TreeSet<>(Set.of("SANDBOX", "PRODUCTION"));

  private void checkServers() {
    List<Server> servers = api.getServers();
    if (servers == null || servers.isEmpty()) {
      problem("servers", "list the sandbox and production servers");
      return;
    }
    Set<String> environments = new HashSet<>();
    for (Server s : servers) {
      Object environment =
          s.getExtensions() == null ? null : s.getExtensions().get("x-transferkit-environment");
      if (!ENVIRONMENTS.contains(String.valueOf(environment))) {
        problem(
            "servers " + s.getUrl(),
            "x-transferkit-environment must be one of " + ENVIRONMENTS + ", was " + environment);
      } else if (!environments.add(String.valueOf(environment))) {
        problem(
            "servers " + s.getUrl(),
            "a second server for x-transferkit-environment " + environment);
      }
      if (isBlank(s.getDescription())) {
        problem("servers " + s.getUrl(), "needs a description (sandbox or production)");
      }
      if (!s.getUrl().startsWith("https://")) {
        problem("servers " + s.getUrl(), "must be https");
      }
    }
    for (String environment : ENVIRONMENTS) {
      if (!environments.contains(environment)) {
        problem("servers", "no server for x-transferkit-environment " + environment);
      }
    }
  }

  private void checkSecurity() {
    if (api.getComponents() == null
        || api.getComponents().getSecuritySchemes() == null
        || api.getComponents().getSecuritySchemes().isEmpty()) {
      problem("components.securitySchemes", "document the provider's authentication");
    }
    if (api.getSecurity() == null || api.getSecurity().isEmpty()) {
      problem("security", "apply the security schemes globally");
    }
    if (api.getComponents() != null && api.getComponents().getSecuritySchemes() != null) {
      api.getComponents()
          .getSecuritySchemes()
          .forEach(
              (name, s) -> {
                String where = "components.securitySchemes." + name;
                Object secret = s.getExtensions() == null ? null : s.getExtensions().get(SECRET);
                boolean headerKey =
                    s.getType() == io.swagger.v3.oas.models.security.SecurityScheme.Type.APIKEY
                        && s.getIn() == io.swagger.v3.oas.models.security.SecurityScheme.In.HEADER;
                if (headerKey && !Boolean.TRUE.equals(secret)) {
                  problem(
                      where,
                      "an API key sent in header "
                          + s.getName()
                          + " is a credential: mark it "
                          + SECRET
                          + ": true (its value is masked in logs and exception messages)");
                } else if (!headerKey && secret != null) {
                  problem(
                      where,
                      SECRET
                          + " only goes on apiKey schemes sent in a header (HTTP's Authorization is always"
                          + " masked)");
                }
              });
    }
  }

  private void checkOperations() {
    if (api.getPaths() == null || api.getPaths().isEmpty()) {
      problem("paths", "no operations");
      return;
    }
    Set<String> operationIds = new HashSet<>();
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> e :
          path.getValue().readOperationsMap().entrySet()) {
        String where = e.getKey() + " " + path.getKey();
        Operation op = e.getValue();
        checkOperation(where, e.getKey().name(), op, path.getValue(), operationIds);
      }
    }
  }

  private void checkOperation(
      String where, String method, Operation op, PathItem item, Set<String> ids) {
    String id = op.getOperationId();
    if (id == null || !CAMEL.matcher(id).matches()) {
      problem(where, "needs a camelCase operationId, was " + id);
    } else if (!ids.add(id)) {
      problem(where, "duplicate operationId " + id);
    }
    if (op.getTags() == null || op.getTags().size() != 1) {
      problem(where, "needs exactly one tag (it names the generated interface)");
    }
    if (isBlank(op.getSummary())) {
      problem(where, "needs a summary");
    }
    if (isBlank(op.getDescription())) {
      problem(where, "needs a description");
    }
    checkParameters(where, op, item);
    if (op.getRequestBody() != null) {
      if (!METHODS_WITH_BODY.contains(method)) {
        problem(where, "a " + method + " must not have a request body");
      }
      checkContent(
          where + " request body",
          op.getRequestBody().get$ref() != null ? null : op.getRequestBody().getContent());
    }
    Object paging =
        op.getExtensions() == null ? null : op.getExtensions().get("x-transferkit-paging");
    if (paging != null) {
      checkPaging(where + " x-transferkit-paging", method, op, item, paging);
    }
    Object key =
        op.getExtensions() == null ? null : op.getExtensions().get("x-transferkit-idempotency-key");
    if (key != null) {
      checkIdempotencyKey(where, method, op, String.valueOf(key));
    }
    if (op.getResponses() == null || op.getResponses().isEmpty()) {
      problem(where, "no responses");
      return;
    }
    boolean success = false;
    boolean clientError = false;
    for (Map.Entry<String, ApiResponse> r : op.getResponses().entrySet()) {
      String code = r.getKey();
      ApiResponse response = resolve(r.getValue());
      if (code.startsWith("2")) {
        success = true;
      }
      if (code.startsWith("4") || code.equals("default")) {
        clientError = true;
        String ref = schemaRef(response.getContent());
        if (ref == null || !ref.endsWith("/Error")) {
          problem(
              where + " response " + code,
              "errors must use the provider's Error schema, was " + ref);
        }
      }
      if (isBlank(response.getDescription())) {
        problem(where + " response " + code, "needs a description");
      }
      checkContent(where + " response " + code, response.getContent());
    }
    if (!success) {
      problem(where, "no 2xx response");
    }
    if (!clientError) {
      problem(where, "no 4xx response with the provider's error schema");
    }
  }

  private void checkParameters(String where, Operation op, PathItem item) {
    List<Parameter> params = new ArrayList<>();
    if (item.getParameters() != null) {
      params.addAll(item.getParameters());
    }
    if (op.getParameters() != null) {
      params.addAll(op.getParameters());
    }
    for (Parameter raw : params) {
      Parameter p = resolve(raw);
      if (p == null) {
        problem(where, "unresolvable parameter " + raw.get$ref());
        continue;
      }
      if (isBlank(p.getDescription())) {
        problem(where + " parameter " + p.getName(), "needs a description");
      }
      if (p.getSchema() != null && p.getSchema().getEnum() != null) {
        problem(
            where + " parameter " + p.getName(),
            "enums must be named schemas referenced with $ref");
      }
      Object secret = p.getExtensions() == null ? null : p.getExtensions().get(SECRET);
      if (secret != null && !(Boolean.TRUE.equals(secret) && "header".equals(p.getIn()))) {
        problem(
            where + " parameter " + p.getName(),
            SECRET + " must be true and only goes on header parameters");
      }
      if (secret == null
          && "header".equals(p.getIn())
          && CREDENTIAL_HEADER.matcher(p.getName()).matches()) {
        problem(
            where + " parameter " + p.getName(),
            "a header named like a credential needs "
                + SECRET
                + ": true (its value is masked in logs and exception messages)");
      }
    }
  }

  /**
   * {@code x-transferkit-paging}: what the generator needs to write {@code listAll...}
   * (specs/README.md).
   */
  private void checkPaging(String where, String method, Operation op, PathItem item, Object raw) {
    if (!(raw instanceof Map)) {
      problem(where, "must be an object {style, ...}");
      return;
    }
    Map<?, ?> paging = (Map<?, ?>) raw;
    if (!"GET".equals(method)) {
      problem(where, "belongs on GET list operations");
    }
    if (op.getOperationId() == null || !op.getOperationId().matches("list[A-Z][A-Za-z0-9]*")) {
      problem(
          where,
          "the operation must be named list<Items> (the generated method is listAll<Items>)");
    }
    Object style = paging.get("style");
    Set<String> members;
    if ("cursor".equals(style)) {
      members = Set.of("style", "cursor", "items", "itemCursor");
      checkPagingParameter(where, op, item, "cursor", paging.get("cursor"), "string");
    } else if ("offset".equals(style)) {
      members = Set.of("style", "offset", "items", "total");
      checkPagingParameter(where, op, item, "offset", paging.get("offset"), "integer");
    } else {
      problem(where, "style must be cursor or offset, was " + style);
      return;
    }
    for (Object member : paging.keySet()) {
      if (!members.contains(String.valueOf(member))) {
        problem(
            where,
            "unknown member " + member + " for style " + style + " (allowed: " + members + ")");
      }
    }
    Schema<?> response = null;
    for (Map.Entry<String, ApiResponse> r :
        op.getResponses() == null
            ? Map.<String, ApiResponse>of().entrySet()
            : op.getResponses().entrySet()) {
      String ref =
          r.getKey().startsWith("2") ? schemaRef(resolve(r.getValue()).getContent()) : null;
      if (ref != null) {
        response = schema(ref);
        break;
      }
    }
    Object items = paging.get("items");
    Schema<?> array = response;
    for (String segment : String.valueOf(items).split("\\.")) {
      array = deref(array);
      array =
          array == null || array.getProperties() == null
              ? null
              : array.getProperties().get(segment);
    }
    if (items == null || array == null || !"array".equals(array.getType())) {
      problem(where, "items: '" + items + "' is not the path of an array property of the response");
    } else if (array.getItems() == null || array.getItems().get$ref() == null) {
      problem(where, "items: '" + items + "' must be an array of a named schema ($ref)");
    } else if ("cursor".equals(style)) {
      Schema<?> itemSchema = deref(array.getItems());
      Object cursor = paging.get("itemCursor");
      if (itemSchema == null
          || itemSchema.getProperties() == null
          || cursor == null
          || !itemSchema.getProperties().containsKey(String.valueOf(cursor))) {
        problem(
            where,
            "itemCursor: '" + cursor + "' is not a property of " + array.getItems().get$ref());
      }
    }
    Object total = paging.get("total");
    if (total != null) {
      Schema<?> resolved = deref(response);
      Schema<?> t =
          resolved == null || resolved.getProperties() == null
              ? null
              : resolved.getProperties().get(String.valueOf(total));
      if (t == null || !"integer".equals(t.getType())) {
        problem(where, "total: '" + total + "' is not an integer property of the response");
      }
    }
  }

  private void checkPagingParameter(
      String where, Operation op, PathItem item, String member, Object name, String type) {
    List<Parameter> params = new ArrayList<>();
    if (item.getParameters() != null) {
      params.addAll(item.getParameters());
    }
    if (op.getParameters() != null) {
      params.addAll(op.getParameters());
    }
    for (Parameter raw : params) {
      Parameter p = resolve(raw);
      if (p != null
          && p.getName().equals(String.valueOf(name))
          && "query".equals(p.getIn())
          && !Boolean.TRUE.equals(p.getRequired())) {
        if (p.getSchema() == null || !type.equals(p.getSchema().getType())) {
          problem(where, member + ": parameter '" + name + "' must be of type " + type);
        }
        return;
      }
    }
    problem(where, member + ": '" + name + "' is not an optional query parameter of the operation");
  }

  /**
   * A schema with its {@code $ref} (or single-{@code $ref} {@code allOf}) followed, within this
   * file.
   */
  private Schema<?> deref(Schema<?> s) {
    if (s == null) {
      return null;
    }
    if (s.get$ref() != null) {
      return schema(s.get$ref());
    }
    if (s.getAllOf() != null && s.getAllOf().size() == 1 && s.getAllOf().get(0).get$ref() != null) {
      return schema(s.getAllOf().get(0).get$ref());
    }
    return s;
  }

  private void checkIdempotencyKey(String where, String method, Operation op, String field) {
    if (!"POST".equals(method)) {
      problem(where, "x-transferkit-idempotency-key belongs on POST operations");
      return;
    }
    String ref = op.getRequestBody() == null ? null : schemaRef(op.getRequestBody().getContent());
    Schema<?> body = ref == null ? null : schema(ref);
    if (body == null || body.getProperties() == null || !body.getProperties().containsKey(field)) {
      problem(
          where,
          "x-transferkit-idempotency-key names '"
              + field
              + "', which is not a request body property");
    } else if (body.getRequired() == null || !body.getRequired().contains(field)) {
      problem(where, "idempotency key property '" + field + "' must be required");
    }
  }

  private void checkContent(String where, Map<String, MediaType> content) {
    if (content == null) {
      return;
    }
    for (Map.Entry<String, MediaType> e : content.entrySet()) {
      Schema<?> s = e.getValue().getSchema();
      if (s == null || s.get$ref() == null) {
        problem(
            where + " " + e.getKey(), "body schemas must be named components referenced with $ref");
      }
    }
  }

  private void checkSchemas() {
    if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
      problem("components.schemas", "none");
      return;
    }
    for (Map.Entry<String, Schema> e : api.getComponents().getSchemas().entrySet()) {
      String name = e.getKey();
      Schema<?> s = e.getValue();
      String where = "schema " + name;
      if (isBlank(s.getDescription())) {
        problem(where, "needs a description");
      }
      if (s.getEnum() != null) {
        for (Object v : s.getEnum()) {
          if ("UNKNOWN".equals(String.valueOf(v))) {
            problem(where, "enum value UNKNOWN is reserved for values the SDK does not know");
          }
        }
      }
      checkDecimals(where, s);
      if (s.getProperties() == null) {
        continue;
      }
      if (s.getProperties().size() > 63) {
        problem(
            where,
            "more than 63 properties: the generated adapter tracks explicit nulls in one long");
      }
      for (Map.Entry<String, Schema> p : s.getProperties().entrySet()) {
        checkProperty(where + "." + p.getKey(), p.getKey(), p.getValue());
      }
    }
  }

  /**
   * {@code x-transferkit-decimals} on a currency enum: the number of decimals each currency's
   * amounts may have, one integer per enum value and nothing else.
   */
  private void checkDecimals(String where, Schema<?> s) {
    Object raw = s.getExtensions() == null ? null : s.getExtensions().get("x-transferkit-decimals");
    if (raw == null) {
      return;
    }
    if (s.getEnum() == null || !(raw instanceof Map)) {
      problem(
          where,
          "x-transferkit-decimals is a map from each value of the schema's enum to its decimals");
      return;
    }
    Map<?, ?> decimals = (Map<?, ?>) raw;
    Set<String> values = new java.util.LinkedHashSet<>();
    s.getEnum().forEach(v -> values.add(String.valueOf(v)));
    for (String v : values) {
      if (!decimals.containsKey(v)) {
        problem(where, "x-transferkit-decimals has no count for " + v);
      }
    }
    for (Map.Entry<?, ?> e : decimals.entrySet()) {
      String currency = String.valueOf(e.getKey());
      if (!values.contains(currency)) {
        problem(where, "x-transferkit-decimals names " + currency + ", which is not in the enum");
      }
      if (!(e.getValue() instanceof Integer)
          || (Integer) e.getValue() < 0
          || (Integer) e.getValue() > 36) {
        problem(
            where,
            "x-transferkit-decimals for "
                + currency
                + " must be an integer from 0 to 36, was "
                + e.getValue());
      }
    }
  }

  private void checkProperty(String where, String name, Schema<?> p) {
    Object secret = p.getExtensions() == null ? null : p.getExtensions().get(SECRET);
    if (secret != null && !(Boolean.TRUE.equals(secret) && "string".equals(p.getType()))) {
      problem(where, SECRET + " must be true and only goes on string properties");
    }
    if (p.get$ref() != null) {
      return;
    }
    if (p.getAllOf() != null) {
      if (p.getAllOf().size() != 1 || p.getAllOf().get(0).get$ref() == null) {
        problem(where, "allOf is only allowed as a single $ref (to make a reference nullable)");
      }
      return;
    }
    if (p.getOneOf() != null || p.getAnyOf() != null) {
      problem(where, "oneOf/anyOf are not supported by the generator templates");
    }
    if (isBlank(p.getDescription())) {
      problem(where, "needs a description");
    }
    if (p.getEnum() != null) {
      problem(where, "inline enum: make it a named schema and $ref it");
    }
    String type = p.getType();
    if ("object".equals(type) || (type == null && p.getProperties() != null)) {
      if (p.getProperties() != null) {
        problem(where, "inline object: make it a named schema and $ref it");
      }
      Object additional = p.getAdditionalProperties();
      if (!(additional instanceof Schema)) {
        problem(
            where, "an object property must be a $ref or a map (additionalProperties: {schema})");
      } else {
        checkScalar(where + " (map values)", name, (Schema<?>) additional);
      }
      return;
    }
    if ("array".equals(type)) {
      Schema<?> items = p.getItems();
      if (items == null) {
        problem(where, "array without items");
      } else if (items.get$ref() == null) {
        if (items.getEnum() != null || items.getProperties() != null) {
          problem(where, "array items must be a scalar or a $ref");
        }
        checkScalar(where + " (items)", name, items);
      }
      return;
    }
    checkScalar(where, name, p);
  }

  private void checkScalar(String where, String name, Schema<?> p) {
    String type = p.getType();
    String format = p.getFormat();
    if ("number".equals(type) && format != null) {
      problem(
          where,
          "type number takes no format (float/double lose money digits): it becomes BigDecimal");
    }
    boolean money =
        MONEY_NAME.matcher(name).matches()
            && !"boolean".equals(type)
            && (p.getExtensions() == null
                || !p.getExtensions().containsKey("x-transferkit-raw-amount"));
    if (money) {
      boolean decimalString = "string".equals(type) && "decimal".equals(format);
      boolean number = "number".equals(type);
      if (!decimalString && !number && !"array".equals(type) && !"object".equals(type)) {
        problem(where, "an amount must be `type: string, format: decimal` or `type: number`");
      }
    }
    if ("string".equals(type) && "decimal".equals(format) && p.getPattern() == null) {
      problem(
          where,
          "a decimal string needs a pattern (one that refuses \"\"), or generic tools take \"\" for an amount");
    }
    if ("integer".equals(type)
        && TIME_NAME.matcher(name).matches()
        && (p.getExtensions() == null || !p.getExtensions().containsKey("x-transferkit-epoch"))) {
      problem(where, "integer timestamps need x-transferkit-epoch: millis|seconds");
    }
    if (p.getExtensions() != null && p.getExtensions().containsKey("x-transferkit-epoch")) {
      Object unit = p.getExtensions().get("x-transferkit-epoch");
      if (!"millis".equals(unit) && !"seconds".equals(unit)) {
        problem(where, "x-transferkit-epoch must be millis or seconds, was " + unit);
      }
      if (!"integer".equals(type) || !"int64".equals(format)) {
        problem(where, "x-transferkit-epoch goes on `type: integer, format: int64`");
      }
    }
    if ("string".equals(type)
        && format != null
        && !Set.of("decimal", "date-time", "uuid", "uri", "email").contains(format)) {
      problem(where, "string format '" + format + "' is not one the templates map");
    }
  }

  private ApiResponse resolve(ApiResponse r) {
    if (r.get$ref() == null) {
      return r;
    }
    String name = r.get$ref().substring(r.get$ref().lastIndexOf('/') + 1);
    ApiResponse resolved =
        api.getComponents() == null || api.getComponents().getResponses() == null
            ? null
            : api.getComponents().getResponses().get(name);
    if (resolved == null) {
      problem("responses", "unresolvable " + r.get$ref());
      return new ApiResponse().description("unresolved");
    }
    return resolved;
  }

  private Parameter resolve(Parameter p) {
    if (p.get$ref() == null) {
      return p;
    }
    String name = p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1);
    return api.getComponents() == null || api.getComponents().getParameters() == null
        ? null
        : api.getComponents().getParameters().get(name);
  }

  private static String schemaRef(Map<String, MediaType> content) {
    if (content == null || content.isEmpty()) {
      return null;
    }
    MediaType mt = content.values().iterator().next();
    return mt.getSchema() == null ? null : mt.getSchema().get$ref();
  }

  private Schema<?> schema(String ref) {
    String name = ref.substring(ref.lastIndexOf('/') + 1);
    return api.getComponents().getSchemas().get(name);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
