package dev.transferkit.wyre;

/** Every test of {@link WyreTransfersApiRequestTest} on the generated implementation the client facade uses. */
class WyreTransfersApiRequestDirectTest extends WyreTransfersApiRequestTest {
  @Override
  boolean direct() {
    return true;
  }
}
