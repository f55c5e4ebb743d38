package dev.mailshift.imap;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a cheap FETCH tells about one message, without its body: {@code UID RFC822.SIZE FLAGS
 * INTERNALDATE}, the Message-ID header field (raw, trimmed; empty when absent) and MODSEQ when
 * CONDSTORE is on.
 *
 * @param flags system flags as {@code \Seen}..., keywords as sent; {@code \Recent} is never
 *     included (it cannot be set by a client)
 */
public record MessageMeta(
    long uid,
    long size,
    Set<String> flags,
    Instant internalDate,
    Optional<String> messageId,
    OptionalLong modseq) {
  public MessageMeta {
    flags = Set.copyOf(flags);
  }
}
