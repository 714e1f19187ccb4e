package dev.transferkit.gate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedMediaType;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedResponse;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * The changes of one spec against its released version, classified for client users.
 *
 * <p>openapi-diff (a kept library) compares the two documents and decides what is compatible: an
 * added operation or optional response field is, a removed or renamed field, a field becoming
 * required in a request, a type or format change or a removed operation is not. This class only
 * walks its result to name every change by operation and position, and adds the one rule it lacks:
 * a response enum value that disappears is breaking for a client (its generated constant
 * disappears, and code that handles it stops compiling), while openapi-diff deems a narrower
 * response compatible.
 */
public final class SpecDiff {
  private final String subject;
  private final List<Change> changes = new ArrayList<>();

  /**
   * The schemas on the path being walked: a recursive schema is walked once per path, not forever.
   */
  private final Set<ChangedSchema> path = Collections.newSetFromMap(new IdentityHashMap<>());

  private SpecDiff(String subject) {
    this.subject = subject;
  }

  /**
   * Every change from {@code released} to {@code current}; {@code subject} names the spec in the
   * changes.
   */
  public static List<Change> compare(String subject, Path released, Path current) {
    SpecDiff diff = new SpecDiff(subject);
    diff.walk(
        OpenApiCompare.fromLocations(released.toUri().toString(), current.toUri().toString()));
    return List.copyOf(diff.changes);
  }

  private void walk(ChangedOpenApi api) {
    for (Endpoint removed : api.getMissingEndpoints()) {
      changes.add(
          new Change(
              subject,
              removed.getMethod() + " " + removed.getPathUrl(),
              "operation removed",
              true));
    }
    for (Endpoint added : api.getNewEndpoints()) {
      changes.add(
          new Change(
              subject, added.getMethod() + " " + added.getPathUrl(), "operation added", false));
    }
    for (ChangedOperation operation : api.getChangedOperations()) {
      String where = operation.getHttpMethod() + " " + operation.getPathUrl();
      int before = changes.size();
      parameters(where, operation.getParameters());
      if (operation.getRequestBody() != null) {
        if (operation.getRequestBody().isChangeRequired()) {
          changes.add(
              new Change(
                  subject,
                  where + " request body",
                  "request body became required",
                  operation.getRequestBody().isIncompatible()));
        }
        content(where + " request", operation.getRequestBody().getContent(), false);
      }
      responses(where, operation.getApiResponses());
      boolean listed = changes.subList(before, changes.size()).stream().anyMatch(Change::breaking);
      if (operation.isIncompatible() && !listed) {
        // openapi-diff found an incompatibility this walk does not name (security, headers...):
        // never drop it.
        changes.add(
            new Change(
                subject,
                where,
                "incompatible change found by openapi-diff (security, headers or another element this gate does not name)",
                true));
      }
    }
  }

  private void parameters(String where, ChangedParameters parameters) {
    if (parameters == null) {
      return;
    }
    boolean breaking = parameters.isCoreChanged().isIncompatible();
    parameters
        .getMissing()
        .forEach(
            p ->
                changes.add(
                    new Change(
                        subject,
                        where + " " + p.getIn() + " parameter " + p.getName(),
                        "removed",
                        true)));
    parameters
        .getIncreased()
        .forEach(
            p ->
                changes.add(
                    new Change(
                        subject,
                        where + " " + p.getIn() + " parameter " + p.getName(),
                        Boolean.TRUE.equals(p.getRequired())
                            ? "added, required"
                            : "added, optional",
                        breaking && Boolean.TRUE.equals(p.getRequired()))));
    for (ChangedParameter changed : parameters.getChanged()) {
      String at = where + " " + changed.getIn() + " parameter " + changed.getName();
      if (changed.isChangeRequired()) {
        changes.add(
            new Change(subject, at, "required changed", changed.isCoreChanged().isIncompatible()));
      }
      schema(at, changed.getSchema(), false);
    }
  }

  private void responses(String where, ChangedApiResponse responses) {
    if (responses == null) {
      return;
    }
    boolean breaking = responses.isCoreChanged().isIncompatible();
    responses
        .getMissing()
        .keySet()
        .forEach(
            status ->
                changes.add(
                    new Change(
                        subject, where + " response " + status, "response removed", breaking)));
    responses
        .getIncreased()
        .keySet()
        .forEach(
            status ->
                changes.add(
                    new Change(subject, where + " response " + status, "response added", false)));
    for (Map.Entry<String, ChangedResponse> response : responses.getChanged().entrySet()) {
      content(where + " response " + response.getKey(), response.getValue().getContent(), true);
    }
  }

  private void content(String where, ChangedContent content, boolean response) {
    if (content == null) {
      return;
    }
    content
        .getMissing()
        .keySet()
        .forEach(
            type ->
                changes.add(
                    new Change(
                        subject,
                        where + " " + type,
                        "media type removed",
                        content.isIncompatible())));
    for (Map.Entry<String, ChangedMediaType> media : content.getChanged().entrySet()) {
      schema(where + " " + media.getKey() + " ", media.getValue().getSchema(), response);
    }
  }

  private void schema(String where, ChangedSchema schema, boolean response) {
    if (schema == null || !path.add(schema)) {
      return;
    }
    try {
      schemaChanges(where, schema, response);
    } finally {
      path.remove(schema);
    }
  }

  private void schemaChanges(String where, ChangedSchema schema, boolean response) {
    DiffResult core = schema.isCoreChanged();
    boolean breaking = core.isIncompatible();
    schema
        .getMissingProperties()
        .keySet()
        .forEach(
            name ->
                changes.add(new Change(subject, where + "." + name, "property removed", breaking)));
    schema
        .getIncreasedProperties()
        .forEach(
            (name, added) -> {
              boolean required =
                  schema.getNewSchema().getRequired() != null
                      && schema.getNewSchema().getRequired().contains(name);
              changes.add(
                  new Change(
                      subject,
                      where + "." + name,
                      "property added" + (required ? ", required" : ", optional"),
                      !response && required));
            });
    if (schema.getRequired() != null) {
      // openapi-diff grades the required list as a whole; its rule per name is: becoming required
      // breaks requests,
      // ceasing to be required breaks responses. Names already listed as added or removed are not
      // repeated.
      schema.getRequired().getIncreased().stream()
          .filter(name -> !schema.getIncreasedProperties().containsKey(name))
          .forEach(
              name ->
                  changes.add(
                      new Change(subject, where + "." + name, "became required", !response)));
      schema.getRequired().getMissing().stream()
          .filter(name -> !schema.getMissingProperties().containsKey(name))
          .forEach(
              name ->
                  changes.add(
                      new Change(subject, where + "." + name, "no longer required", response)));
    }
    if (schema.isChangedType()) {
      changes.add(
          new Change(
              subject,
              where,
              "type " + type(schema.getOldSchema()) + " -> " + type(schema.getNewSchema()),
              true));
    }
    if (schema.isChangeFormat()) {
      changes.add(
          new Change(
              subject,
              where,
              "format "
                  + schema.getOldSchema().getFormat()
                  + " -> "
                  + schema.getNewSchema().getFormat(),
              true));
    }
    if (schema.getEnumeration() != null) {
      boolean enumBreaking = schema.getEnumeration().isIncompatible();
      List<?> removed = schema.getEnumeration().getMissing();
      List<?> added = schema.getEnumeration().getIncreased();
      if (!removed.isEmpty()) {
        // Our rule: a removed response value is breaking even where openapi-diff says compatible.
        changes.add(
            new Change(subject, where, "enum value removed: " + removed, response || enumBreaking));
      }
      if (!added.isEmpty()) {
        changes.add(new Change(subject, where, "enum value added: " + added, enumBreaking));
      }
    }
    schema
        .getChangedProperties()
        .forEach((name, changed) -> schema(where + "." + name, changed, response));
    schema(where + "[]", schema.getItems(), response);
    schema(where + "{}", schema.getAddProp(), response);
  }

  private static String type(io.swagger.v3.oas.models.media.Schema<?> schema) {
    return schema == null ? "none" : schema.getType();
  }
}
