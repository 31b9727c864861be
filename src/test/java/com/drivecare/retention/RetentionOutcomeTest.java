package com.drivecare.retention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a honoured cancellation is counted, after the last call. */
class RetentionOutcomeTest {

  @Test
  void cancellationIsCountedByTheLastCall() {
    assertThat(RetentionOutcome.ofCancellationAfter(CallOutcome.CANCELLATION_CONFIRMED))
        .isEqualTo(RetentionOutcome.CANCELLED_BY_CUSTOMER);
    assertThat(RetentionOutcome.ofCancellationAfter(CallOutcome.STOP_CONTACT))
        .isEqualTo(RetentionOutcome.STOPPED_CONTACT);
    assertThat(RetentionOutcome.ofCancellationAfter(CallOutcome.NOT_REACHED))
        .isEqualTo(RetentionOutcome.CANCELLED_UNREACHED);
    assertThat(RetentionOutcome.ofCancellationAfter(null)).isEqualTo(RetentionOutcome.CANCELLED_UNREACHED);
  }
}
