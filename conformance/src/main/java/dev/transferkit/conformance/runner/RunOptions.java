package dev.transferkit.conformance.runner;

import dev.transferkit.conformance.targets.Provider;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * What one conformance run does: which scenarios (providers and a tag expression), against which
 * target, where the reports go. Immutable; built with {@link #builder()}, which refuses bad values
 * with an {@link IllegalArgumentException} that says what is accepted.
 */
public final class RunOptions {
  private final Set<Provider> providers;
  private final String tags;
  private final String target;
  private final Map<Provider, String> baseUrls;
  private final Path fixtures;
  private final Path reportDir;
  private final boolean failIfAllSkipped;
  private final Path recordDir;

  private RunOptions(Builder b) {
    this.providers =
        b.providers.isEmpty() ? EnumSet.allOf(Provider.class) : EnumSet.copyOf(b.providers);
    this.tags = b.tags;
    this.target = b.target;
    this.baseUrls = Map.copyOf(b.baseUrls);
    this.fixtures = b.fixtures;
    this.reportDir = b.reportDir;
    this.failIfAllSkipped = b.failIfAllSkipped;
    this.recordDir = b.recordDir;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The Cucumber tag expression selecting the scenarios: the providers' tags, and the user's
   * expression.
   */
  public String tagExpression() {
    String byProvider =
        providers.stream().map(Provider::tag).collect(Collectors.joining(" or ", "(", ")"));
    return tags == null ? byProvider : byProvider + " and (" + tags + ")";
  }

  public String target() {
    return target;
  }

  public Optional<String> baseUrl(Provider provider) {
    return Optional.ofNullable(baseUrls.get(provider));
  }

  public Optional<Path> fixtures() {
    return Optional.ofNullable(fixtures);
  }

  public Path reportDir() {
    return reportDir;
  }

  public boolean failIfAllSkipped() {
    return failIfAllSkipped;
  }

  /**
   * Where every exchange is recorded, one file per scenario, for a later drift comparison; empty:
   * not recorded.
   */
  public Optional<Path> recordDir() {
    return Optional.ofNullable(recordDir);
  }

  /** Collects and checks the options. Not thread-safe. */
  public static final class Builder {
    private final Set<Provider> providers = EnumSet.noneOf(Provider.class);
    private final Map<Provider, String> baseUrls = new LinkedHashMap<>();
    private String tags;
    private String target = "local";
    private Path fixtures;
    private Path reportDir = Path.of("target", "conformance-report");
    private boolean failIfAllSkipped;
    private Path recordDir;

    private Builder() {}

    /**
     * Adds a provider by name ({@code circle}, {@code wyre}, {@code streambird}); none given means
     * all.
     */
    public Builder provider(String name) {
      providers.add(provider(name, "--provider"));
      return this;
    }

    /** A Cucumber tag expression, or null for every scenario of the providers. */
    public Builder tags(String expression) {
      this.tags = expression == null || expression.isBlank() ? null : expression.strip();
      return this;
    }

    /** {@code local} or {@code sandbox}. */
    public Builder target(String name) {
      if (!name.equals("local") && !name.equals("sandbox")) {
        throw new IllegalArgumentException(
            "--target must be 'local' or 'sandbox', not '" + name + "'");
      }
      this.target = name;
      return this;
    }

    /** Sends {@code provider}'s requests to {@code url} (null: leave unchanged). */
    public Builder baseUrl(String provider, String url) {
      if (url != null) {
        if (HttpUrl.parse(url) == null) {
          throw new IllegalArgumentException(
              "--" + provider + "-base-url is not an http(s) URL: '" + url + "'");
        }
        baseUrls.put(provider(provider, "base URL"), url);
      }
      return this;
    }

    /** The docs' ids mapped to the target's (a properties file); null: none. */
    public Builder fixtures(Path file) {
      if (file != null && !java.nio.file.Files.isReadable(file)) {
        throw new IllegalArgumentException("--fixtures: no readable file " + file);
      }
      this.fixtures = file;
      return this;
    }

    public Builder reportDir(Path dir) {
      this.reportDir = dir;
      return this;
    }

    public Builder failIfAllSkipped(boolean fail) {
      this.failIfAllSkipped = fail;
      return this;
    }

    /** Records every exchange under {@code dir} (null: no recording). */
    public Builder recordDir(Path dir) {
      this.recordDir = dir;
      return this;
    }

    public RunOptions build() {
      if (!baseUrls.isEmpty() && target.equals("local")) {
        throw new IllegalArgumentException(
            "base URL overrides need --target sandbox (the local target is the"
                + " embedded sandbox)");
      }
      return new RunOptions(this);
    }

    private static Provider provider(String name, String option) {
      try {
        return Provider.valueOf(name.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            option
                + ": unknown provider '"
                + name
                + "' (one of "
                + Arrays.stream(Provider.values())
                    .map(p -> p.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "))
                + ")");
      }
    }
  }
}
