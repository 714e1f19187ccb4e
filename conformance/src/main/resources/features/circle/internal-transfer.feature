@circle @digital-asset-accounts
Feature: Circle Digital Asset Accounts internal transfer
  Move funds between two accounts in the same program instantly and with no blockchain fees, verifying the balances
  of both accounts before and after the transfer.
  (developers.circle.com, Digital Asset Accounts: internal transfers)

  Background:
    Given a source account "1017381855" holding 10000.00 USD
    And a destination account "1000661542" holding 0 USD

  Scenario: Check balances, transfer 2500.00 USD, verify both balances
    When I check the balance of the source account
    Then the available balance is 10000.00 USD and nothing is unsettled
    When I check the balance of the destination account
    Then the available balance is 0 USD
    When I create an internal transfer of 2500.00 USD from the source account to the destination account
    Then the transfer status is "complete"
    And the transfer amount is 2500.00 USD
    When I check the balance of the source account
    Then the available balance is 7500.00 USD
    When I check the balance of the destination account
    Then the available balance is 2500.00 USD

  Scenario: Get a transfer by ID
    Given I created an internal transfer of 2500.00 USD from the source account to the destination account
    When I get the transfer by its ID
    Then it is the transfer I created, with status "complete"

  Scenario: List transfers for an account, newest first
    Given I created an internal transfer of 100.00 USD from the source account to the destination account
    And I created an internal transfer of 200.00 USD from the source account to the destination account
    When I list the transfers of the source account with page size 25
    Then the list starts with the 200.00 USD transfer followed by the 100.00 USD transfer

  Scenario: Insufficient funds leaves both balances unchanged
    When I try to create an internal transfer of 10000.01 USD from the source account to the destination account
    Then the transfer is refused for insufficient funds
    And the source account still holds 10000.00 USD
    And the destination account still holds 0 USD

  Scenario: A replay with the same idempotency key moves nothing twice
    Given I created an internal transfer of 2500.00 USD with idempotency key "ba943ff1-ca16-49b2-ba55-1057e70ca5c7"
    When I send the same transfer again with idempotency key "ba943ff1-ca16-49b2-ba55-1057e70ca5c7"
    Then I get the original transfer back
    And the source account holds 7500.00 USD
    And the destination account holds 2500.00 USD
