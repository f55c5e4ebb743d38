package dev.mailshift.imap;

import java.util.OptionalLong;

/**
 * A folder's identity and size counters from STATUS or SELECT/EXAMINE.
 *
 * @param highestModseq present only when the server offers CONDSTORE (RFC 7162)
 */
public record FolderStatus(
    long uidValidity, long uidNext, long messages, OptionalLong highestModseq) {}
