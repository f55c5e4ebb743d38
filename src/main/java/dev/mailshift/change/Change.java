package dev.mailshift.change;

/**
 * One step of a change set: a desired effect, not an instruction to a server. Every kind is a
 * record listed here, so an exhaustive {@code switch} in the renderer, the executor and the
 * journal refuses a new kind that one of them does not handle.
 *
 * <p>Contract (after Liquibase's {@code Change}): a stable {@link #id()} unique in its change
 * set (the journal's key: a re-run recognises a step it already finished), a one-line {@link
 * #summary()} shown in plan output and confirmations, and a {@link #reversibility()}.
 */
public sealed interface Change
    permits Preflight, CreateFolder, SyncFolder, Subscribe, VerifyAccount, SetDnsRecords,
        CheckDns {

  /** The account this change belongs to ({@code dns:<zone>} for DNS changes). */
  String account();

  /** Stable identifier, e.g. {@code sync:alice:INBOX}. */
  String id();

  /** Human text for review, without secrets. */
  String summary();

  Reversibility reversibility();
}
