/**
 * Incremental, crash-safe copy of one folder from a read-only source to a destination, keyed by
 * source UIDVALIDITY + UID, with content matching where no state is usable. API: {@link
 * dev.mailshift.sync.FolderSynchronizer}, {@link dev.mailshift.sync.FolderVerifier} and the
 * records and interfaces they take and return; the other classes are internal.
 */
package dev.mailshift.sync;
