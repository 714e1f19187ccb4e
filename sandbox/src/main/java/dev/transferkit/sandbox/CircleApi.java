package dev.transferkit.sandbox;

import dev.transferkit.sandbox.Circle.Entity;
import dev.transferkit.specs.Provider;
import java.util.List;

/**
 * Circle as the sandbox serves it: its three products (Digital Asset Accounts, payouts,
 * user-controlled wallets) over the shared {@link Circle} model, with Circle's authentication and
 * error shapes.
 */
final class CircleApi extends ProviderApi {
  final Circle circle;
  final CircleAccounts accounts;
  final CirclePayouts payouts;
  final CircleUsers users;
  final CircleWallets wallets;
  final CircleChallenges challenges;
  final CircleNotifications notifications;
  final CircleTransactions transactions;

  CircleApi(Engine engine) {
    circle = new Circle(engine);
    accounts = new CircleAccounts(circle);
    payouts = new CirclePayouts(circle);
    users = new CircleUsers(circle);
    wallets = new CircleWallets(circle, users);
    notifications = new CircleNotifications(circle);
    challenges = new CircleChallenges(circle, wallets, notifications);
    transactions = new CircleTransactions(circle, wallets, challenges, notifications);
    accounts.register(this);
    payouts.register(this);
    users.register(this);
    wallets.register(this);
    challenges.register(this);
    notifications.register(this);
    transactions.register(this);
  }

  @Override
  Provider provider() {
    return Provider.CIRCLE;
  }

  /** Back to the seed. */
  void reset() {
    circle.reset();
    accounts.reset();
    payouts.reset();
    users.reset();
    wallets.reset();
    challenges.reset();
    notifications.reset();
    transactions.reset();
  }

  /** The admin routes of each product, beside the state they arrange. */
  void admin(AdminApi admin) {
    circle.admin(admin);
    accounts.admin(admin);
    payouts.admin(admin);
    users.admin(admin);
    wallets.admin(admin);
    challenges.admin(admin);
    notifications.admin(admin);
    transactions.admin(admin);
  }

  com.fasterxml.jackson.databind.node.ObjectNode ledger() {
    com.fasterxml.jackson.databind.node.ObjectNode out = circle.book.describe();
    accounts.ledger(out);
    payouts.ledger(out);
    transactions.ledger(out);
    challenges.ledger(out);
    return out;
  }

  // ------------------------------------------------------------------------------------------ auth
  // & errors

  private static boolean isWallets(Route route) {
    return route.spec().equals(Specs.CIRCLE_WALLETS);
  }

  @Override
  void authenticate(Call call, Route route) {
    String key = call.bearer();
    int code = isWallets(route) ? 401 : 1;
    if (key == null) {
      throw Errors.circle(401, code, "Malformed authorization. Are you missing your API key?");
    }
    Entity e = circle.entities.get(key);
    if (e == null) {
      throw Errors.circle(
          401,
          code,
          key.split(":").length == 3
              ? "Invalid credentials."
              : "Malformed key. Does it contain three parts?");
    }
    call.principal = e;
  }

  @Override
  ApiError invalid(Route route, Call call, List<Errors.Problem> problems) {
    for (Errors.Problem p : problems) {
      if (p.location().equalsIgnoreCase("X-User-Token") && p.error().equals("required")) {
        return Errors.circle(401, 155103, "User token not found: send the X-User-Token header.");
      }
      if (route.spec().equals(Specs.CIRCLE_PAYOUTS) && p.location().equals("purposeOfTransfer")) {
        return Errors.circle(400, 5020, "Invalid purposeOfTransfer: " + p.message());
      }
    }
    return Errors.circleInvalid(
        isWallets(route) ? "API parameter invalid" : "Invalid entity.", problems);
  }

  @Override
  ApiError unknownPath(Call call) {
    return Errors.circle(
        404,
        404,
        "Not found: " + call.method + " " + call.path + " is not a Circle API the sandbox serves.");
  }

  @Override
  ApiError refused(int status, String message) {
    return Errors.circle(status, status, message);
  }

  @Override
  ApiError internal(String message) {
    return Errors.circle(500, -1, message);
  }

  @Override
  Book book() {
    return circle.book;
  }

  @Override
  String apiKeyOf(String holder) {
    String entity = circle.owners.get(holder);
    for (Circle.Entity e : circle.entities.values()) {
      if (e.id().equals(entity)) {
        return e.apiKey();
      }
    }
    return null;
  }
}
