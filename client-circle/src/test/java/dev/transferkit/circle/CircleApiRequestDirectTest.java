package dev.transferkit.circle;

/** Every test of {@link CircleApiRequestTest} on the generated implementations the client facade uses. */
class CircleApiRequestDirectTest extends CircleApiRequestTest {
  @Override
  boolean direct() {
    return true;
  }
}
