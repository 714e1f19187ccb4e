package dev.transferkit.sandbox;

import static dev.transferkit.sandbox.Circle.entity;
import static dev.transferkit.sandbox.Circle.envelope;
import static dev.transferkit.sandbox.Circle.invalidField;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Circle's notifications: webhook subscriptions (through the API or the admin API), signed
 * deliveries of the notifications the products raise, the signing public key, and the health check.
 * Guarded by the engine monitor.
 */
final class CircleNotifications {
  /**
   * One subscription; {@code entity} null for an admin subscription that receives every entity's
   * notifications, {@code types} empty when it is unrestricted; a disabled one receives nothing.
   */
  record Subscription(
      String id,
      String name,
      String endpoint,
      String entity,
      Set<String> types,
      boolean enabled,
      Instant created,
      Instant updated) {
    /**
     * Whether a notification of {@code type} (e.g. transactions.outbound) goes to this
     * subscription.
     */
    boolean wants(String entity, String type) {
      if (!enabled || (this.entity != null && !this.entity.equals(entity))) {
        return false;
      }
      return types.isEmpty()
          || types.contains(type)
          || types.contains(type.substring(0, type.indexOf('.')) + ".*");
    }
  }

  private final Circle circle;
  private final List<Subscription> subscriptions = new ArrayList<>();

  CircleNotifications(Circle circle) {
    this.circle = circle;
  }

  /**
   * Queues a signed notification of {@code type} about {@code payload} to every subscription that
   * wants it.
   */
  void notify(String entity, String type, JsonNode payload, Instant at, String label) {
    for (Subscription s : subscriptions) {
      if (!s.wants(entity, type)) {
        continue;
      }
      ObjectNode n = Json.object();
      n.put("subscriptionId", s.id());
      n.put("notificationId", UUID.randomUUID().toString());
      n.put("notificationType", type);
      n.set("notification", payload);
      n.put("timestamp", java.time.format.DateTimeFormatter.ISO_INSTANT.format(at));
      n.put("version", 2);
      byte[] body = Json.bytes(n);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("X-Circle-Signature", sign(body));
      headers.put("X-Circle-Key-Id", circle.engine.notificationKeyId);
      circle.engine.webhooks.enqueue("circle", type + " " + label, s.endpoint(), body, headers);
    }
  }

  private String sign(byte[] body) {
    try {
      Signature s = Signature.getInstance("SHA256withECDSA");
      s.initSign(circle.engine.notificationKeys.getPrivate());
      s.update(body);
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (Exception ex) {
      throw new IllegalStateException(ex);
    }
  }

  private Subscription subscribe(String endpoint, String entity, JsonNode types) {
    Set<String> wanted = new LinkedHashSet<>();
    types.forEach(t -> wanted.add(t.asText()));
    if (wanted.contains("*")) {
      wanted.clear();
    }
    Subscription s =
        new Subscription(
            UUID.randomUUID().toString(),
            "",
            endpoint,
            entity,
            wanted,
            true,
            circle.engine.now(),
            circle.engine.now());
    subscriptions.add(s);
    return s;
  }

  private static ObjectNode json(Subscription s) {
    ObjectNode o = Json.object();
    o.put("id", s.id());
    o.put("name", s.name());
    o.put("endpoint", s.endpoint());
    o.put("enabled", s.enabled());
    o.put("createDate", Json.iso(s.created()));
    o.put("updateDate", Json.iso(s.updated()));
    ArrayNode types = o.putArray("notificationTypes");
    if (s.types().isEmpty()) {
      types.add("*");
    } else {
      s.types().forEach(types::add);
    }
    o.put("restricted", !s.types().isEmpty());
    return o;
  }

  // ------------------------------------------------------------------------------------------
  // operations

  private Reply createSubscription(Call call) {
    JsonNode r = call.json();
    String endpoint = r.path("endpoint").asText();
    URI uri;
    try {
      uri = new URI(endpoint);
    } catch (java.net.URISyntaxException ex) {
      uri = null;
    }
    if (uri == null
        || uri.getHost() == null
        || !("https".equalsIgnoreCase(uri.getScheme())
            || "http".equalsIgnoreCase(uri.getScheme()))) {
      throw invalidField(
          "API parameter invalid",
          "endpoint",
          "endpoint must be an absolute http(s) URL",
          endpoint);
    }
    synchronized (circle.engine) {
      return envelope(
          200, json(subscribe(endpoint, entity(call).id(), r.path("notificationTypes"))));
    }
  }

  private Reply listSubscriptions(Call call) {
    synchronized (circle.engine) {
      ArrayNode list = Json.array();
      for (Subscription s : subscriptions) {
        if (entity(call).id().equals(s.entity())) {
          list.add(json(s));
        }
      }
      return envelope(200, list);
    }
  }

  /** The calling developer's subscription named by the path, or Circle's 404. */
  private int own(Call call) {
    String id = call.pathParam("id");
    for (int i = 0; i < subscriptions.size(); i++) {
      Subscription s = subscriptions.get(i);
      if (s.id().equals(id) && entity(call).id().equals(s.entity())) {
        return i;
      }
    }
    throw Errors.circle(404, 404, "Not found.");
  }

  private Reply getSubscription(Call call) {
    synchronized (circle.engine) {
      return envelope(200, json(subscriptions.get(own(call))));
    }
  }

  private Reply updateSubscription(Call call) {
    JsonNode r = call.json();
    synchronized (circle.engine) {
      int i = own(call);
      Subscription s = subscriptions.get(i);
      Subscription updated =
          new Subscription(
              s.id(),
              r.path("name").asText(),
              s.endpoint(),
              s.entity(),
              s.types(),
              r.path("enabled").asBoolean(),
              s.created(),
              circle.engine.now());
      subscriptions.set(i, updated);
      return envelope(200, json(updated));
    }
  }

  private Reply deleteSubscription(Call call) {
    synchronized (circle.engine) {
      subscriptions.remove(own(call));
      return new Reply(204, null);
    }
  }

  private Reply getNotificationPublicKey(Call call) {
    if (!circle.engine.notificationKeyId.equals(call.pathParam("id"))) {
      throw Errors.circle(404, 404, "Not found.");
    }
    ObjectNode data = Json.object();
    data.put("id", circle.engine.notificationKeyId);
    data.put("algorithm", "ECDSA_SHA_256");
    data.put(
        "publicKey",
        Base64.getEncoder()
            .encodeToString(circle.engine.notificationKeys.getPublic().getEncoded()));
    data.put("createDate", Json.iso(circle.engine.notificationKeyCreated));
    return envelope(200, data);
  }

  private Reply ping(Call call) {
    return new Reply(200, Json.object().put("message", "pong"));
  }

  ObjectNode adminSubscribe(JsonNode body) {
    String endpoint = Objects.requireNonNull(Json.str(body, "endpoint"), "endpoint");
    String entity = body.hasNonNull("apiKey") ? circle.adminEntity(body).id() : null;
    Subscription s = subscribe(endpoint, entity, body.path("notificationTypes"));
    ObjectNode out = Json.object();
    out.put("id", s.id());
    out.put("endpoint", endpoint);
    out.put("apiKey", body.hasNonNull("apiKey") ? body.get("apiKey").asText() : null);
    return out;
  }

  void register(CircleApi api) {
    api.on("getNotificationSignature", this::getNotificationPublicKey);
    api.on("createSubscription", this::createSubscription);
    api.on("listSubscriptions", this::listSubscriptions);
    api.on("getSubscription", this::getSubscription);
    api.on("updateSubscription", this::updateSubscription);
    api.on("deleteSubscription", this::deleteSubscription);
    api.on("ping", this::ping);
  }

  void admin(AdminApi admin) {
    admin.route(
        "POST",
        "circle/subscriptions",
        "{endpoint, apiKey?, notificationTypes?}: webhook subscription",
        true,
        (p, b) -> adminSubscribe(b));
  }

  void reset() {
    subscriptions.clear();
  }
}
