@streambird
Feature: Streambird create transfer
  Withdraw from a wallet: the transfer is created unconfirmed with source_amount, dest_amount (what the recipient
  gets) and total_fees (the estimated network fees), must be confirmed within 2 minutes, then completes.
  (docs.streambird.io, Create Transfer)

  Background:
    Given the user "user_2DJJeF75Jd2NIj6NyJMxEw0pXiA" with the SOL wallet "wallet_2DJJmE5IhB1M7I8jJ7JuyCiOtiC" holding SOL

  Scenario: The documented request gives an unconfirmed transfer with the documented amounts
    When I create the transfer of the documented example request
    Then the transfer status is "unconfirmed"
    And source_amount is "0.005", dest_amount is "0.004995" and total_fees is "0.000005"

  Scenario Outline: amount_includes_fees decides who pays the fees
    When I transfer <amount> SOL to "3eiTLfEg8koaNgNMcmygm2nQ3APNNNWAyHGiooGwAziK" with amount_includes_fees <includes>
    Then source_amount is "<source>" and dest_amount is "<dest>"

    Examples:
      | amount | includes | source   | dest     |
      | 0.005  | true     | 0.005    | 0.004995 |
      | 0.005  | false    | 0.005005 | 0.005    |

  @sandbox-control
  Scenario: A Stellar destination carries its memo after a colon
    Given the user has an XLM wallet holding XLM
    When I transfer 10 XLM to "GDQP2KPQGKIHYJGXNUIYOMHARUARCA7DJT5FO2FFOOKY3B2WSQHG4W37:3652667947"
    Then the transfer status is "unconfirmed"
    And the destination is "GDQP2KPQGKIHYJGXNUIYOMHARUARCA7DJT5FO2FFOOKY3B2WSQHG4W37:3652667947"

  Scenario: A currency the wallet type cannot send is refused
    When I try to transfer 0.005 ETH from the SOL wallet
    Then the transfer is refused as invalid

  @sandbox-control
  Scenario: Confirm and complete
    Given I created the transfer of the documented example request
    When I confirm the transfer for the user
    And the transfer is processed
    Then the transfer status is "completed"

  @sandbox-control
  Scenario: An unconfirmed transfer expires after 2 minutes
    Given I created the transfer of the documented example request
    When 2 minutes pass
    And I try to confirm the transfer for the user
    Then the confirmation is refused because the transfer expired
