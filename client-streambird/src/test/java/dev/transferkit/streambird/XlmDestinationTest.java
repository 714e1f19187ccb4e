package dev.transferkit.streambird;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class XlmDestinationTest {
  private static final String ADDRESS = "GDQP2KPQGKIHYJGXNUIYOMHARUARCA7DJT5FO2FFOOKY3B2WSQHG4W37";

  @Test
  void documentedDestinationParsesAndFormats() {
    XlmDestination d = XlmDestination.parse(ADDRESS + ":3652667947");
    assertEquals(ADDRESS, d.address());
    assertEquals("3652667947", d.memo());
    assertEquals(ADDRESS + ":3652667947", d.toString());
    assertEquals(d, XlmDestination.of(ADDRESS, "3652667947"));
  }

  private static String problem(String text) {
    return assertThrows(IllegalArgumentException.class, () -> XlmDestination.parse(text))
        .getMessage();
  }

  @Test
  void invalidDestinationsAreRejectedSayingWhy() {
    assertTrue(problem(ADDRESS).contains("needs ADDRESS:MEMO"));
    assertTrue(problem(ADDRESS + ":").contains("memo is empty"));
    assertTrue(problem(ADDRESS.replace('W', 'X') + ":1").contains("checksum"));
    assertTrue(problem("0x6E5eAf34c73D1CD0be4e24f923b97CF38e10d1f3:1").contains("56 characters"));
    assertTrue(problem(ADDRESS + ":1:2").contains("must not contain ':'"));
    assertTrue(problem(ADDRESS + ":" + "x".repeat(29)).contains("29 bytes"));
  }
}
