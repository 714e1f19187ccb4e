package consumer.app;

import dev.transferkit.circle.CircleClient;

/** Prints the balances of one Circle account: {@code Main <base URL> <API key> <account id>}. */
public final class Main {
  public static void main(String[] args) {
    CircleClient circle = CircleClient.builder().apiKey(args[1]).baseUrl(args[0]).build();
    System.out.println("module " + CircleClient.class.getModule().getName() + ": "
        + circle.accounts().getAccountBalances(args[2]).execute());
  }
}
