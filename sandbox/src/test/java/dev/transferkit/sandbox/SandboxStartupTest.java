package dev.transferkit.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SandboxStartupTest {
  @Test
  void startsOnAFreeLoopbackPortAndGivesEachProvidersBaseUrl() {
    long t0 = System.nanoTime();
    try (Sandbox sandbox = Sandbox.builder().port(0).strictResponses(true).build().start()) {
      long millis = (System.nanoTime() - t0) / 1_000_000;
      System.out.println(
          "sandbox started in "
              + millis
              + " ms (specs are parsed once per JVM, by the first sandbox)");
      int port = sandbox.port();
      assertTrue(port > 0);
      assertEquals("http://127.0.0.1:" + port + "/circle", sandbox.circleBaseUrl());
      assertEquals("http://127.0.0.1:" + port + "/wyre", sandbox.wyreBaseUrl());
      assertEquals("http://127.0.0.1:" + port + "/streambird", sandbox.streambirdBaseUrl());
      assertEquals("http://127.0.0.1:" + port + "/__admin/", sandbox.adminBaseUrl());
      assertEquals(200, Http.get(sandbox.adminBaseUrl() + "clock").status());
    }
  }
}
