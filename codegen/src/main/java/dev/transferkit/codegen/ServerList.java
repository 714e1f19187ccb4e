package dev.transferkit.codegen;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.servers.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spec's {@code servers}, each named by its {@code x-transferkit-environment} ({@code SANDBOX},
 * {@code PRODUCTION}), for the {@code servers.mustache} template (the client's {@code
 * internal.Servers}: one base URL constant per environment, which the facade's {@code Environment}
 * enum uses). A base URL ends with {@code /}, as Retrofit needs.
 */
final class ServerList {
  static final String EXTENSION = "x-transferkit-environment";

  private ServerList() {}

  /**
   * Template data: a list of {@code name} (the environment), {@code url} (a Java literal) and
   * {@code description}.
   */
  static List<Map<String, String>> from(OpenAPI api) {
    List<Map<String, String>> servers = new ArrayList<>();
    if (api.getServers() == null) {
      return servers;
    }
    for (Server s : api.getServers()) {
      Object name = s.getExtensions() == null ? null : s.getExtensions().get(EXTENSION);
      if (name == null || !String.valueOf(name).matches("[A-Z][A-Z0-9_]*")) {
        throw new IllegalArgumentException(
            "servers "
                + s.getUrl()
                + ": "
                + EXTENSION
                + " must name the environment in upper case (SANDBOX, PRODUCTION), was "
                + name);
      }
      for (Map<String, String> seen : servers) {
        if (seen.get("name").equals(String.valueOf(name))) {
          throw new IllegalArgumentException("servers: two servers for " + EXTENSION + " " + name);
        }
      }
      String url = s.getUrl().endsWith("/") ? s.getUrl() : s.getUrl() + "/";
      Map<String, String> server = new LinkedHashMap<>();
      server.put("name", String.valueOf(name));
      server.put("url", ErrorTable.literal(url));
      String description = JavadocMarkdown.renderInline(s.getDescription());
      server.put(
          "description",
          description == null || description.isEmpty() ? "The " + name + " server." : description);
      servers.add(server);
    }
    return servers;
  }
}
