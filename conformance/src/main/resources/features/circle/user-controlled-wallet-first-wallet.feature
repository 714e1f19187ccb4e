@circle @user-controlled-wallets
Feature: Circle user-controlled wallet: a new user's first wallet and first transfer
  A backend creates a user and a session token, then initializes the user: Circle answers with a challenge in which
  the user sets a PIN in the app, and once it completes the user's first wallet exists. The backend learns the outcome
  of each step by polling the challenge, then sends tokens from the new wallet: a transfer challenge the user approves
  with the PIN, and a transaction polled until it is COMPLETE.
  (developers.circle.com, User-controlled wallets: create your first wallet; send an outbound transfer)

  @sandbox-control
  Scenario: Initialize a new user and send tokens from the first wallet
    Given a new user of my application with a session token
    Then the user's PIN status is "UNSET"
    When I initialize the user with a wallet on "MATIC-AMOY"
    Then the initialization challenge is "PENDING"
    When the user sets their PIN in the challenge
    Then the initialization challenge is "COMPLETE"
    And the user's PIN status is "ENABLED"
    And the challenge names the user's new wallet on "MATIC-AMOY"
    Given the new wallet is funded with 5 USDC
    And the token to send is "USDC" on "MATIC-AMOY"
    When I create a transfer of 1.5 USDC from the new wallet to "0x6E5eAf34c73D1CD0be4e24f923b97CF38e10d1f3" with fee level "LOW"
    Then the transfer challenge is "PENDING"
    When the user approves the transfer challenge with their PIN
    Then the transfer challenge is "COMPLETE" and names the transaction
    And polling the transaction ends in state "COMPLETE"
    And the new wallet holds 3.5 USDC

  @sandbox-control
  Scenario: A user is initialized only once
    Given a new user of my application with a session token
    And the user was initialized with a wallet on "MATIC-AMOY"
    When I try to initialize the user again
    Then the request is refused because the user was already initialized
