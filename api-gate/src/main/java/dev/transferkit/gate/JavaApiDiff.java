package dev.transferkit.gate;

import japicmp.cmp.JApiCmpArchive;
import japicmp.cmp.JarArchiveComparator;
import japicmp.cmp.JarArchiveComparatorOptions;
import japicmp.config.Options;
import japicmp.model.JApiChangeStatus;
import japicmp.model.JApiClass;
import japicmp.model.JApiCompatibility;
import japicmp.model.JApiCompatibilityChange;
import japicmp.model.JApiConstructor;
import japicmp.model.JApiField;
import japicmp.model.JApiHasChangeStatus;
import japicmp.model.JApiMethod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The changes of one jar's Java API against its released jar, by japicmp. {@code *.internal}
 * packages are not API (design.md) and are left out. A change is breaking when japicmp finds it
 * binary- or source-incompatible.
 */
public final class JavaApiDiff {
  private JavaApiDiff() {}

  public static List<Change> compare(String subject, Path released, Path current) {
    Options options = Options.newDefault();
    options.addExcludeFromArgument(Optional.of("*.internal;*.internal.*"), false);
    options.setOutputOnlyModifications(true);
    JarArchiveComparatorOptions comparatorOptions = JarArchiveComparatorOptions.of(options);
    // The jars' dependencies (client-core, OkHttp...) are not on this path: compare what the jars
    // themselves declare.
    comparatorOptions.getIgnoreMissingClasses().setIgnoreAllMissingClasses(true);
    List<JApiClass> classes =
        new JarArchiveComparator(comparatorOptions)
            .compare(
                new JApiCmpArchive(released.toFile(), "released"),
                new JApiCmpArchive(current.toFile(), "current"));
    List<Change> changes = new ArrayList<>();
    for (JApiClass type : classes) {
      String name = type.getFullyQualifiedName();
      add(changes, subject, name, "class", type, type);
      for (JApiMethod method : type.getMethods()) {
        add(
            changes,
            subject,
            name + "#" + method.getName() + parameters(method),
            "method",
            method,
            method);
      }
      for (JApiConstructor constructor : type.getConstructors()) {
        add(
            changes,
            subject,
            name + parameters(constructor),
            "constructor",
            constructor,
            constructor);
      }
      for (JApiField field : type.getFields()) {
        add(changes, subject, name + "." + field.getName(), "field", field, field);
      }
    }
    return changes;
  }

  private static void add(
      List<Change> changes,
      String subject,
      String where,
      String kind,
      JApiHasChangeStatus status,
      JApiCompatibility compatibility) {
    JApiChangeStatus change = status.getChangeStatus();
    List<JApiCompatibilityChange> own = compatibility.getCompatibilityChanges();
    if (change == JApiChangeStatus.UNCHANGED && own.isEmpty()) {
      return;
    }
    if (change == JApiChangeStatus.MODIFIED && own.isEmpty()) {
      return; // only its members changed; they are listed themselves
    }
    String what =
        kind
            + " "
            + change.name().toLowerCase(java.util.Locale.ROOT)
            + (own.isEmpty()
                ? ""
                : ": "
                    + own.stream().map(c -> c.getType().name()).collect(Collectors.joining(", ")));
    boolean ownBreaking =
        own.stream().anyMatch(c -> !c.isBinaryCompatible() || !c.isSourceCompatible())
            || change == JApiChangeStatus.REMOVED;
    changes.add(new Change(subject, where, what, ownBreaking));
  }

  private static String parameters(japicmp.model.JApiBehavior behavior) {
    return behavior.getParameters().stream()
        .map(p -> p.getType())
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
