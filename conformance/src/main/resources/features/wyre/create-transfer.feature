@wyre
Feature: Wyre create transfer
  Create a transfer between SRNs, moving and/or exchanging currency; when autoConfirm is false the quote is shown
  with its fees and must be confirmed within the rate-lock window.
  (docs.sendwyre.com, Transfers & Exchanges: Create Transfer)

  Background:
    Given my Wyre account is funded

  Scenario Outline: The documented example requests are accepted
    When I create the transfer of documented example <example>
    Then the transfer is created from "<source>" in <sourceCurrency> to "<dest>" in <destCurrency>
    And the transfer status is one of "UNCONFIRMED, PENDING, COMPLETED"

    Examples:
      | example | source                | sourceCurrency | dest                                                                         | destCurrency |
      | A       | account:AC_XXXXXXXX2  | USD            | paymentmethod:PA_LXXXXXXXX                                                   | USD          |
      | B       | wallet:WA_XXXXXXXXX   | USDT           | paymentmethod:PA_2XXXXXXXXX                                                  | USD          |
      | C       | account:AC_ZW2JME83HMZ | BTC           | stellar:GBRNYP3MCASHJYUZLB7ORY37RNEL7Z6B2QATAZ7LGQLCTUU2ZLQVN65A:F6RNMX2UTLH | XLM          |

  @sandbox-control
  Scenario: Quote, confirm, and watch the transfer complete
    When I create a transfer of 200 USD from "account:AC_XXXXXXXX2" to "paymentmethod:PA_LXXXXXXXX" without autoConfirm
    Then the transfer status is "UNCONFIRMED"
    And the fees are shown and totalFees is in the source currency
    When I confirm the transfer
    Then the transfer status is "PENDING"
    When the transfer is processed
    Then the transfer status is "COMPLETED"
    And its status history records the steps

  @sandbox-control
  Scenario: An unconfirmed transfer expires after the rate-lock window
    Given I created a transfer of 200 USD from "account:AC_XXXXXXXX2" to "paymentmethod:PA_LXXXXXXXX" without autoConfirm
    When the rate-lock window of 15 minutes passes
    And I try to confirm the transfer
    Then the confirmation is refused with a "ValidationException"

  # The docs define exchangeRate by "sourceAmount * exchangeRate = destAmount"; their own example C applies it to the
  # amount after fees (0.00100750 BTC incl. 0.00000750 fees -> 125.676558... XLM), and so does this check.
  Scenario Outline: The three ways to express the totals
    When I create a transfer from "account:AC_ZW2JME83HMZ" of BTC to XLM with <amountField> <amount> and amountIncludesFees <includesFees>
    Then <expectation>
    And sourceAmount less totalFees, times exchangeRate, equals destAmount

    Examples:
      | amountField  | amount | includesFees | expectation                                                    |
      | sourceAmount | 0.001  | false        | the fees are added on top: sourceAmount is 0.001 plus totalFees |
      | sourceAmount | 0.001  | true         | the total withdrawn is 0.001 including totalFees                |
      | destAmount   | 125    | false        | exactly 125 arrives at the destination                          |

  Scenario: sourceAmount and destAmount together are refused
    When I try to create a transfer with both sourceAmount 200 and destAmount 200
    Then the transfer is refused with a "ValidationException"

  Scenario: Acting for a sub-account with masqueradeAs
    Given my account has a sub-account
    When I create a transfer of 10 USD as the sub-account using masqueradeAs
    Then the transfer is owned by the sub-account
