package dev.transferkit.conformance.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;

/** Steps whose words several walkthroughs share; they act on the scenario's provider. */
public final class CommonSteps {
  /**
   * Long enough for Wyre (PENDING to COMPLETED: 60 s) and Streambird (pending to completed: 30 s).
   */
  private static final Duration PROCESSING = Duration.ofSeconds(90);

  private final ScenarioContext ctx = ScenarioContext.current();

  @Then("the transfer status is {string}")
  public void theTransferStatusIs(String status) {
    String actual;
    switch (ctx.provider) {
      case CIRCLE:
        actual = ctx.steps(CircleAccountsSteps.class).status();
        break;
      case WYRE:
        actual = ctx.steps(WyreSteps.class).status();
        break;
      case STREAMBIRD:
        actual = ctx.steps(StreambirdSteps.class).status();
        break;
      default:
        throw new IllegalStateException(String.valueOf(ctx.provider));
    }
    assertEquals(status, actual, "transfer status");
  }

  /**
   * The provider works on the transfer (sandbox clock moved on), then the transfer is read again.
   */
  @When("the transfer is processed")
  public void theTransferIsProcessed() {
    ctx.run().control.advanceClock(PROCESSING);
    switch (ctx.provider) {
      case WYRE:
        ctx.steps(WyreSteps.class).refresh();
        break;
      case STREAMBIRD:
        ctx.steps(StreambirdSteps.class).refresh();
        break;
      default:
        throw new IllegalStateException("no transfer processing step for " + ctx.provider);
    }
  }

  @When("{int} minutes pass")
  public void minutesPass(int minutes) {
    ctx.run().control.advanceClock(Duration.ofMinutes(minutes));
  }

  @When("the rate-lock window of {int} minutes passes")
  public void theRateLockWindowPasses(int minutes) {
    minutesPass(minutes);
  }
}
