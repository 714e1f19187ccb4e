package dev.transferkit.codegen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;

/**
 * What the {@code api.mustache} template needs to write an operation's auto-paging {@code
 * listAll...} methods, read from the operation's {@code x-transferkit-paging} extension
 * (specs/README.md):
 *
 * <ul>
 *   <li>{@code style: cursor} with {@code cursor} (the query parameter taking the next page's
 *       cursor), {@code items} (the path of the item array in the response body, e.g. {@code
 *       data.wallets}) and {@code itemCursor} (the item property that is the cursor of the page
 *       after it);
 *   <li>{@code style: offset} with {@code offset} (the query parameter), {@code items} and,
 *       optionally, {@code total} (the response property counting the items that match).
 * </ul>
 *
 * A fact the spec does not hold (a parameter or property it names that is not there, a style the
 * runtime does not have) stops the generation with a message naming the operation; the spec lint
 * names it first.
 */
final class PagingPlan {
  static final String EXTENSION = "x-transferkit-paging";

  private PagingPlan() {}

  /**
   * Template data for {@code op}, or null when the operation has no {@code x-transferkit-paging}.
   *
   * @param unwrappedData the envelope property the generated call unwraps ({@code data}), or null
   */
  static Map<String, Object> of(
      CodegenOperation op, Map<String, CodegenModel> models, String unwrappedData) {
    Object raw = op.vendorExtensions.get(EXTENSION);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof Map)) {
      throw fail(op, "must be an object {style, ...}");
    }
    Map<?, ?> ext = (Map<?, ?>) raw;
    String style = text(op, ext, "style");
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("operationId", op.operationId);
    if (!op.operationId.startsWith("list") || op.operationId.length() < 5) {
      throw fail(
          op, "paged operations are named list<Items> (the generated method is listAll<Items>)");
    }
    plan.put("listAll", "listAll" + op.operationId.substring(4));

    // The items: a property path in the response body; the envelope property the call unwraps is
    // skipped.
    String[] path = text(op, ext, "items").split("\\.");
    int from = unwrappedData != null && path[0].equals(unwrappedData) ? 1 : 0;
    CodegenModel response = models.get(op.returnType);
    CodegenProperty array;
    if (from == path.length) {
      array = property(op, response, unwrappedData);
      plan.put("items", "page -> page");
    } else if (path.length - from == 1) {
      CodegenModel model =
          from == 1 ? models.get(property(op, response, unwrappedData).complexType) : response;
      array = property(op, model, path[from]);
      plan.put("items", "page -> page." + array.getter + "()");
    } else {
      throw fail(
          op,
          "items: at most one property below the unwrapped envelope is supported, was "
              + ext.get("items"));
    }
    if (!array.isArray || array.items == null) {
      throw fail(op, "items: " + ext.get("items") + " is not an array");
    }
    plan.put("itemType", array.items.datatypeWithEnum);
    plan.put("itemModel", array.items.complexType);

    if ("cursor".equals(style)) {
      CodegenParameter cursor = queryParameter(op, text(op, ext, "cursor"));
      if (!"String".equals(cursor.dataType)) {
        throw fail(
            op,
            "cursor: parameter " + cursor.baseName + " must be a string, was " + cursor.dataType);
      }
      CodegenProperty itemCursor =
          property(op, models.get(array.items.complexType), text(op, ext, "itemCursor"));
      plan.put("cursor", true);
      plan.put("cursorName", cursor.baseName);
      plan.put("cursorParam", cursor.paramName);
      plan.put("itemCursor", array.items.datatypeWithEnum + "::" + itemCursor.getter);
    } else if ("offset".equals(style)) {
      CodegenParameter offset = queryParameter(op, text(op, ext, "offset"));
      if (!"Integer".equals(offset.dataType)) {
        throw fail(
            op,
            "offset: parameter "
                + offset.baseName
                + " must be an int32 integer, was "
                + offset.dataType);
      }
      plan.put("offset", true);
      plan.put("offsetParam", offset.paramName);
      Object total = ext.get("total");
      if (total == null) {
        plan.put("total", "page -> null");
      } else {
        CodegenProperty t = property(op, response, String.valueOf(total));
        if (!"Long".equals(t.datatypeWithEnum) && !"Integer".equals(t.datatypeWithEnum)) {
          throw fail(op, "total: " + total + " must be an integer, was " + t.datatypeWithEnum);
        }
        plan.put("total", "page -> page." + t.getter + "()");
      }
    } else {
      throw fail(op, "style must be cursor or offset, was " + style);
    }
    return plan;
  }

  private static CodegenParameter queryParameter(CodegenOperation op, String name) {
    for (CodegenParameter p : op.queryParams) {
      if (p.baseName.equals(name) && !p.required) {
        return p;
      }
    }
    throw fail(
        op, "names '" + name + "', which is not an optional query parameter of the operation");
  }

  private static CodegenProperty property(CodegenOperation op, CodegenModel model, String name) {
    if (model != null) {
      for (CodegenProperty p : model.vars) {
        if (p.baseName.equals(name)) {
          return p;
        }
      }
    }
    throw fail(
        op,
        "names '"
            + name
            + "', which is not a property of "
            + (model == null ? "a model" : model.name));
  }

  private static String text(CodegenOperation op, Map<?, ?> ext, String key) {
    Object v = ext.get(key);
    if (v == null || String.valueOf(v).isBlank()) {
      throw fail(op, "needs " + key);
    }
    return String.valueOf(v);
  }

  private static IllegalArgumentException fail(CodegenOperation op, String what) {
    return new IllegalArgumentException(op.operationId + ": " + EXTENSION + ": " + what);
  }

  /**
   * Whether any operation of a generated file is paged in {@code style} (its imports depend on it).
   */
  static boolean any(List<CodegenOperation> ops, String style) {
    return ops.stream()
        .anyMatch(
            op ->
                op.vendorExtensions.get("x-tk-paging") instanceof Map
                    && ((Map<?, ?>) op.vendorExtensions.get("x-tk-paging")).containsKey(style));
  }
}
