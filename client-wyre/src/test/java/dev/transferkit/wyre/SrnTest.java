package dev.transferkit.wyre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SrnTest {
  private static final String XLM = "GBRNYP3MCASHJYUZLB7ORY37RNEL7Z6B2QATAZ7LGQLCTUU2ZLQVN65A";

  @Test
  void documentedSrnsParseAndFormatBackToTheSameText() {
    for (String text :
        new String[] {
          "account:AC_XXXXXXXX2",
          "wallet:WA_XXXXXXXXX",
          "paymentmethod:PA_LXXXXXXXX",
          "transfer:TF_7TPGHZHXFM9",
          "transfer:TF-XXXXXXXXXXX",
          "email:user@example.com",
          "bitcoin:mtXWDB6k5yC5v7TcwKZHB89SUp85yCKshy",
          "ethereum:0x6E5eAf34c73D1CD0be4e24f923b97CF38e10d1f3",
          "stellar:" + XLM + ":F6RNMX2UTLH",
          "stellar:" + XLM,
          "service:Fiat Credits",
          "cellphone:+15555551234"
        }) {
      assertEquals(text, Srn.parse(text).toString());
    }
  }

  @Test
  void partsAreExposed() {
    Srn s = Srn.parse("stellar:" + XLM + ":F6RNMX2UTLH");
    assertEquals("stellar", s.type());
    assertEquals(XLM, s.identifier());
    assertEquals("F6RNMX2UTLH", s.memo());
    assertTrue(s.isBlockchainAddress());
    assertNull(Srn.account("AC_YNWFWXDW3AG").memo());
    assertFalse(Srn.account("AC_YNWFWXDW3AG").isBlockchainAddress());
    assertEquals(Srn.parse("wallet:WA_1"), Srn.wallet("WA_1"));
  }

  private static String problem(String text) {
    return assertThrows(IllegalArgumentException.class, () -> Srn.parse(text)).getMessage();
  }

  @Test
  void malformedSrnsAreRejectedSayingWhy() {
    assertEquals(
        "Invalid SRN 'AC_XXXX': expected type:identifier, e.g. account:AC_XXXXXXXXXXX",
        problem("AC_XXXX"));
    assertEquals(
        "Invalid SRN 'account:': the identifier after 'account:' is empty", problem("account:"));
    assertTrue(problem("account:WA_123").contains("an account id looks like AC_XXXXXXXXXXX"));
    assertTrue(problem("Account:AC_1").contains("lowercase"));
    assertTrue(problem("email:nobody").contains("not an email address"));
    assertTrue(problem("ethereum:0x123").contains("40 hex digits"));
    assertTrue(problem("stellar:" + XLM.substring(0, 55) + "B").contains("checksum"));
    assertTrue(problem("stellar:GABC").contains("56 characters"));
    assertTrue(problem("stellar:" + XLM + ":" + "m".repeat(29)).contains("28"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Srn.ethereum("6E5eAf34c73D1CD0be4e24f923b97CF38e10d1f3"));
  }
}
