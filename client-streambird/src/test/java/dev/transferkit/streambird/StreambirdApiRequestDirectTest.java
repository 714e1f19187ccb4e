package dev.transferkit.streambird;

/** Every test of {@link StreambirdApiRequestTest} on the generated implementations the client facade uses. */
class StreambirdApiRequestDirectTest extends StreambirdApiRequestTest {
  @Override
  boolean direct() {
    return true;
  }
}
