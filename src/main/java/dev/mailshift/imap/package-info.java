/**
 * The IMAP adapter. Public API: {@link dev.mailshift.imap.ImapConnector}, {@link
 * dev.mailshift.imap.ImapSession} and their records, with {@link
 * dev.mailshift.imap.JakartaImapConnector} as the implementation over Jakarta Mail (Angus). The
 * other classes are internal, no compatibility guarantee: one per operation (list, status and
 * select, metadata fetch, body fetch, append, store), {@code Wire} for the connection and {@code
 * Failures}, the one place where failures become {@link dev.mailshift.imap.ImapException} kinds.
 * No sync policy lives here.
 */
package dev.mailshift.imap;
