package dev.transferkit.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.ModelsMap;
import org.openapitools.codegen.model.OperationsMap;

/**
 * TransferKit's generator: OpenAPI Generator's Java client generator (used with {@code
 * library=retrofit2} and the templates in {@code codegen/templates}), plus the facts the templates
 * cannot compute themselves:
 *
 * <ul>
 *   <li>every description, summary and note is rendered from the spec's CommonMark to Javadoc-safe
 *       HTML ({@link JavadocMarkdown});
 *   <li>per operation, the parameters a caller passes positionally ({@code x-tk-positional}: path
 *       parameters, the body and required headers and queries) and those that go into a generated
 *       parameter object ({@code x-tk-optional}, with the object's class name in {@code
 *       x-tk-params-class}); parameters the runtime manages ({@code x-transferkit-managed}) are in
 *       neither;
 *   <li>per operation whose response is a documented data envelope (an object whose only property
 *       is {@code data}), the unwrapped type and getter ({@code x-tk-unwrap-type}, {@code
 *       x-tk-unwrap-getter}), so the generated call hands the caller the data, not the envelope;
 *   <li>per list operation with {@code x-transferkit-paging}, the auto-paging {@code listAll...}
 *       methods ({@code x-tk-paging}, see {@link PagingPlan}).
 * </ul>
 *
 * <p>Selected in the plugin configuration by its class name. Build-time only.
 */
public class TransferKitJavaCodegen extends JavaClientCodegen {
  /** The property of a data envelope. */
  static final String ENVELOPE_PROPERTY = "data";

  @Override
  public String getName() {
    return "transferkit-java";
  }

  @Override
  public void processOpts() {
    super.processOpts();
    // Every written file goes through postProcessFile below (the stock hook runs an external
    // command instead).
    setEnablePostProcessFile(true);
  }

  /**
   * Imports the shared models into each generated Java file, then formats it ({@link
   * GeneratedSourceFormatter}).
   */
  @Override
  public void postProcessFile(java.io.File file, String fileType) {
    GeneratedSourceFormatter.format(file);
  }

  /**
   * Provider-named error models: a spec's {@code Error} and {@code ErrorDetail} become {@code
   * CircleError}, {@code WyreErrorDetail}... (named after the provider segment of the API package),
   * so no public type shadows {@code java.lang.Error} and wildcard imports of two providers do not
   * clash.
   */
  @Override
  public String toModelName(String name) {
    String model = super.toModelName(name);
    if ("Error".equals(model) || "ErrorDetail".equals(model)) {
      return providerPrefix() + model;
    }
    return model;
  }

  private String providerPrefix() {
    String[] segments = apiPackage().split("\\.");
    String provider = segments.length > 2 ? segments[2] : "Provider";
    return Character.toUpperCase(provider.charAt(0)) + provider.substring(1);
  }

  /**
   * A schema that is only {@code allOf} one {@code $ref} (Wyre's {@code TransferCallback}: "treated
   * as the Transfer object") is the referenced model under another name: it is not generated again;
   * references to it point to the referenced schema.
   */
  @Override
  public void preprocessOpenAPI(io.swagger.v3.oas.models.OpenAPI openAPI) {
    super.preprocessOpenAPI(openAPI);
    additionalProperties.put("tkSecrets", SecretList.from(openAPI));
    // A components-only spec (Circle's common.yaml: shared models, no operations) has no servers of
    // its own; the parser gives it the default "/", which names no environment.
    boolean componentsOnly = openAPI.getPaths() == null || openAPI.getPaths().isEmpty();
    additionalProperties.put("tkServers", componentsOnly ? List.of() : ServerList.from(openAPI));
    if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
      additionalProperties.put("tkErrors", ErrorTable.from(openAPI.getExtensions()));
      return;
    }
    Map<String, io.swagger.v3.oas.models.media.Schema> schemas =
        openAPI.getComponents().getSchemas();
    Map<String, String> aliases = new java.util.HashMap<>();
    for (Map.Entry<String, io.swagger.v3.oas.models.media.Schema> e : schemas.entrySet()) {
      io.swagger.v3.oas.models.media.Schema<?> schema = e.getValue();
      List<io.swagger.v3.oas.models.media.Schema> allOf = schema.getAllOf();
      if (allOf != null
          && allOf.size() == 1
          && allOf.get(0).get$ref() != null
          && (schema.getProperties() == null || schema.getProperties().isEmpty())) {
        aliases.put(e.getKey(), allOf.get(0).get$ref());
      }
    }
    additionalProperties.put("tkErrors", ErrorTable.from(openAPI.getExtensions()));
    for (String alias : aliases.keySet()) {
      schemas.remove(alias);
    }
    if (!aliases.isEmpty()) {
      org.slf4j.LoggerFactory.getLogger(TransferKitJavaCodegen.class)
          .info(
              "TransferKit codegen: schemas that are another schema under a second name, not generated: {}",
              aliases);
    }
  }

  @Override
  public ModelsMap postProcessModels(ModelsMap objs) {
    ModelsMap result = super.postProcessModels(objs);
    // The model templates write their own imports; of the generator's per-model imports they print
    // ({{#imports}}) only the models another execution generates (a components-only spec such as
    // specs/circle/common.yaml, named in schemaMappings and importMappings): the others are the
    // stock library's (Gson's JsonReader would clash with Moshi's).
    java.util.Set<String> shared = new java.util.HashSet<>();
    for (String mapped : schemaMapping().values()) {
      String fqcn = importMapping().get(mapped);
      shared.add(fqcn != null ? fqcn : mapped);
    }
    result.getImports().removeIf(i -> !shared.contains(i.get("import")));
    for (ModelMap m : result.getModels()) {
      CodegenModel model = m.getModel();
      model.description = JavadocMarkdown.render(model.unescapedDescription);
      for (CodegenProperty p : model.vars) {
        p.description = JavadocMarkdown.render(p.unescapedDescription);
        // The property's Java nullness, once (templates: @Nullable, the builder's and decoder's
        // checks for NullAway):
        // non-null when required, not nullable and not filled by the runtime when unset.
        boolean nonNull =
            p.required
                && !p.isNullable
                && !p.vendorExtensions.containsKey("x-transferkit-runtime-filled");
        p.vendorExtensions.put(nonNull ? "x-tk-non-null" : "x-tk-nullable", true);
      }
    }
    return result;
  }

  @Override
  public OperationsMap postProcessOperationsWithModels(
      OperationsMap objs, List<ModelMap> allModels) {
    OperationsMap result = super.postProcessOperationsWithModels(objs, allModels);
    Map<String, CodegenModel> models = ModelMap.toCodegenModelMap(allModels);
    for (CodegenOperation op : result.getOperations().getOperation()) {
      op.summary = JavadocMarkdown.renderInline(op.summary);
      op.notes = JavadocMarkdown.render(op.unescapedNotes);
      List<CodegenParameter> positional = new ArrayList<>();
      List<CodegenParameter> optional = new ArrayList<>();
      for (CodegenParameter p : op.allParams) {
        p.description = JavadocMarkdown.renderInline(p.unescapedDescription);
        if (p.vendorExtensions.containsKey("x-transferkit-managed")) {
          continue;
        }
        if (p.required || p.isPathParam || p.isBodyParam) {
          positional.add(p);
        } else {
          optional.add(p);
          p.vendorExtensions.put("x-tk-optional", true);
        }
      }
      op.vendorExtensions.put("x-tk-positional", positional);
      if (!optional.isEmpty()) {
        op.vendorExtensions.put("x-tk-optional", optional);
        op.vendorExtensions.put(
            "x-tk-params-class",
            org.openapitools.codegen.utils.StringUtils.camelize(op.operationId) + "Params");
      }
      op.vendorExtensions.put("x-tk-call-type", op.returnType == null ? "Void" : op.returnType);
      CodegenModel returned = op.returnType == null ? null : models.get(op.returnType);
      boolean envelope =
          returned != null
              && returned.vars.size() == 1
              && ENVELOPE_PROPERTY.equals(returned.vars.get(0).baseName);
      Map<String, Object> paging = PagingPlan.of(op, models, envelope ? ENVELOPE_PROPERTY : null);
      if (paging != null) {
        op.vendorExtensions.put("x-tk-paging", paging);
        if (models.containsKey(String.valueOf(paging.get("itemModel")))) {
          addImport(result, modelPackage() + "." + paging.get("itemModel"));
        }
      }
      if (envelope) {
        CodegenProperty data = returned.vars.get(0);
        op.vendorExtensions.put("x-tk-unwrap-type", data.datatypeWithEnum);
        op.vendorExtensions.put("x-tk-unwrap-getter", data.getter);
        op.vendorExtensions.put("x-tk-call-type", data.datatypeWithEnum);
        if (models.containsKey(data.complexType)) {
          addImport(result, modelPackage() + "." + data.complexType);
        }
      }
    }
    List<CodegenOperation> ops = result.getOperations().getOperation();
    boolean cursor = PagingPlan.any(ops, "cursor");
    boolean offset = PagingPlan.any(ops, "offset");
    result.put("tkPaging", cursor || offset);
    result.put("tkCursorPaging", cursor);
    result.put("tkOffsetPaging", offset);
    return result;
  }

  private static void addImport(OperationsMap objs, String fqcn) {
    List<Map<String, String>> imports = objs.getImports();
    for (Map<String, String> existing : imports) {
      if (fqcn.equals(existing.get("import"))) {
        return;
      }
    }
    Map<String, String> entry = new java.util.HashMap<>();
    entry.put("import", fqcn);
    entry.put("classname", fqcn.substring(fqcn.lastIndexOf('.') + 1));
    imports.add(entry);
  }
}
