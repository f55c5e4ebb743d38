package dev.mailshift.imap;

/**
 * How a session may touch its server. A {@link #READ_ONLY} session (every source session) refuses
 * every mutating call before anything is sent, opens folders with EXAMINE and fetches bodies with
 * BODY.PEEK, so the source can never be changed by a bug elsewhere.
 */
public enum Access {
  READ_ONLY,
  READ_WRITE
}
