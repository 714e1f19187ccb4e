package dev.transferkit.sandbox;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.UUID;

/**
 * The shared state of one sandbox: the clock, the scheduler, outgoing webhooks and the providers'
 * books. Every read and write of provider state happens while holding this object's monitor, which
 * makes each API call atomic (a transfer debits and credits in one step, an idempotency key is
 * bound once).
 */
final class Engine {
  final SandboxClock clock;
  final Scheduler scheduler = new Scheduler();
  final Webhooks webhooks = new Webhooks(this);
  final KeyPair notificationKeys;
  final String notificationKeyId = UUID.randomUUID().toString();
  final Instant notificationKeyCreated;

  CircleApi circle;
  WyreApi wyre;
  StreambirdApi streambird;

  Engine(SandboxClock clock) {
    this.clock = clock;
    this.notificationKeyCreated = clock.instant();
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      this.notificationKeys = g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException("no P-256 support in this JVM", e);
    }
  }

  /** The three providers, in the order the admin API and the inspector show them. */
  java.util.List<ProviderApi> providers() {
    return java.util.List.of(circle, wyre, streambird);
  }

  Instant now() {
    return clock.instant();
  }

  /** Runs due lifecycle work, then sends due webhooks (outside the lock). */
  void tick() {
    synchronized (this) {
      scheduler.runDue(clock.instant());
    }
    webhooks.pumpAndWait();
  }

  /** Back to the seed: every provider's books, the scheduler and the webhook log. */
  void reset() {
    synchronized (this) {
      scheduler.clear();
      webhooks.clear();
      circle.reset();
      wyre.reset();
      streambird.reset();
    }
  }
}
