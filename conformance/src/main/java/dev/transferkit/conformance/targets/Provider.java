package dev.transferkit.conformance.targets;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The providers under test; each scenario carries exactly one of their tags. */
public enum Provider {
  CIRCLE("Circle"),
  WYRE("Wyre"),
  STREAMBIRD("Streambird");

  private final String displayName;

  Provider(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  /** The Cucumber tag: {@code @circle}, {@code @wyre}, {@code @streambird}. */
  public String tag() {
    return "@" + name().toLowerCase(Locale.ROOT);
  }

  /** The provider whose tag is among {@code tags}. */
  public static Optional<Provider> fromTags(Set<String> tags) {
    for (Provider p : values()) {
      if (tags.contains(p.tag())) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
