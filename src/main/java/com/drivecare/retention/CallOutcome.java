package com.drivecare.retention;

/** What an agent records after a call ({@code callOutcome}). */
public enum CallOutcome {
  /** nobody answered: next attempt the next day */
  NOT_REACHED,
  /** reached; the customer asks to be called at {@code callbackAt} */
  CALLBACK_REQUESTED,
  /** the customer keeps his reservation */
  RETAINED,
  /** the customer confirms the cancellation: cancel now */
  CANCELLATION_CONFIRMED,
  /** the customer asks not to be called again: do-not-call is set and the cancellation honoured */
  STOP_CONTACT
}
