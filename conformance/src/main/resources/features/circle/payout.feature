@circle @payouts
Feature: Circle create a payout
  Send a payout to an address-book destination; the payment reason code purposeOfTransfer is one of PMT000-PMT030
  except PMT006, and invalid or missing values give error code 5020 where it is required.
  (developers.circle.com, Payouts: create a payout)

  Background:
    Given an address book destination "b8627ae8-732b-4d25-b947-1df8f4007a29"

  Scenario: Create a payout with purposeOfTransfer PMT001
    When I create a payout of 3.14 USD to the address book destination with purposeOfTransfer "PMT001"
    Then the payout status is "pending"
    And the payout echoes purposeOfTransfer "PMT001"
    And the payout amount is 3.14 USD

  Scenario: PMT006 must not be used
    When I try to create a payout of 3.14 USD to the address book destination with purposeOfTransfer "PMT006"
    Then the payout is refused with error code 5020

  @sandbox-control
  Scenario: A missing purposeOfTransfer on an entity that requires it
    Given my entity requires purposeOfTransfer
    When I try to create a payout of 3.14 USD to the address book destination without purposeOfTransfer
    Then the payout is refused with error code 5020
