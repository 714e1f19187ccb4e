@circle @user-controlled-wallets
Feature: Circle user-controlled wallet outbound transfer
  Initiate a token transfer from a user-controlled wallet to a blockchain address: get a user session token, find the
  wallet and the token to send, create the transfer challenge, let the user approve it with their PIN, and receive
  the transactions.outbound notification when the transfer completes.
  (developers.circle.com, User-controlled wallets: send an outbound transfer)

  Background:
    Given the user "2f1dcb5e-312a-4b15-8240-abeffc0e3463" with a wallet holding USDC
    And my webhook endpoint is subscribed to notifications

  @sandbox-control
  Scenario: Send tokens to a blockchain address
    When I request a user token for the user
    Then I receive a userToken and an encryptionKey
    When I list the user's wallets with the userToken
    Then I find the wallet "01899cf2-d415-7052-a207-f9862157e546"
    When I read the wallet's token balances
    Then I pick the tokenId of the token I hold and note its balance
    When I create a transfer of .01 of that token to "0x6E5eAf34c73D1CD0be4e24f923b97CF38e10d1f3" with fee level "MEDIUM"
    Then I receive a challengeId
    When the user completes the challenge with their PIN
    Then a "transactions.outbound" notification arrives for the transfer
    And the notification signature verifies with the public key for its key id
    And the notified transaction state is "COMPLETE"
    And the wallet's token balance went down by .01

  @sandbox-control
  Scenario: The user token expires after 60 minutes
    Given I requested a user token for the user
    When 61 minutes pass
    And I list the user's wallets with that userToken
    Then the request is refused because the user token expired
