package dev.mailshift.imap;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One authenticated IMAP connection. Not thread-safe: one worker owns it. Folder names are full
 * server names in Unicode (as {@link FolderInfo#name()}); encoding to modified UTF-7 happens
 * inside. Calls that act on "the selected folder" need {@link #examine} or {@link #select} first.
 *
 * <p>A {@link Access#READ_ONLY} session throws {@link IllegalStateException} from every mutating
 * method before anything reaches the wire.
 *
 * <p>Every failure is an {@link ImapException} carrying the server's text.
 */
public interface ImapSession extends AutoCloseable {
  ServerInfo info();

  Access access();

  /**
   * LIST "" "*" (with SPECIAL-USE attributes where offered; XLIST's, in RFC 6154 spelling, where
   * a server offers only XLIST) joined with LSUB for subscription.
   */
  List<FolderInfo> listFolders();

  /**
   * As {@link #listFolders}, plus every subscription to a folder that does not exist, marked
   * {@code \NonExistent} (RFC 5258 3.4): on a LIST-EXTENDED server one more command, which only
   * the side subscriptions are copied from needs.
   */
  default List<FolderInfo> listFoldersAndMissingSubscriptions() {
    return listFolders();
  }

  /** STATUS (UIDVALIDITY UIDNEXT MESSAGES [HIGHESTMODSEQ]) without selecting. */
  FolderStatus status(String folder);

  /**
   * The STATUS of every folder at once, in one round trip, where the server offers LIST-STATUS
   * (RFC 5819); an empty map where it does not (then ask {@link #status} per folder). Folders
   * the server reported no usable status for (not selectable, being created) are absent.
   */
  default Map<String, FolderStatus> statusAll() {
    return Map.of();
  }

  /** EXAMINE: opens the folder read-only. */
  FolderStatus examine(String folder);

  /** SELECT: opens the folder read-write (refused on a read-only session). */
  FolderStatus select(String folder);

  /**
   * UID FETCH from:to (UID RFC822.SIZE FLAGS INTERNALDATE BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)]
   * [MODSEQ]) on the selected folder, in bounded batches, in UID order. {@code toUid} may be
   * {@code Long.MAX_VALUE} for "*".
   */
  void fetchMeta(long fromUid, long toUid, Consumer<MessageMeta> sink);

  /**
   * UID FETCH 1:* (UID FLAGS [MODSEQ]) [(CHANGEDSINCE modseq)] on the selected folder: only the
   * messages whose flags changed since {@code changedSince} when given and CONDSTORE is on.
   * Delivered as MessageMeta with size 0, no date and no Message-ID.
   */
  void fetchFlags(OptionalLong changedSince, Consumer<MessageMeta> sink);

  /**
   * UID FETCH from:to (UID X-GM-MSGID X-GM-LABELS) on the selected folder of a Gmail server
   * (needs X-GM-EXT-1), in UID order. {@code toUid} may be {@code Long.MAX_VALUE} for "*".
   */
  void fetchGmail(long fromUid, long toUid, Consumer<GmailMeta> sink);

  /**
   * Fetches whole messages with BODY.PEEK[] from the selected folder, several small ones per round
   * trip, large ones in bounded chunks. {@code expectedSizes} are the RFC822.SIZE values; a body
   * of another length raises {@link ImapException} (kind PROTOCOL) and nothing is handed out.
   * Each delivered message must be closed by the sink.
   */
  void fetchBodies(List<UidSize> messages, Consumer<FetchedMessage> sink);

  /**
   * APPEND of the exact bytes with flags and INTERNALDATE. Returns the new UID from APPENDUID
   * (RFC 4315), or empty when the server has no UIDPLUS.
   *
   * @throws ImapException kind REJECTED when the server refuses this message (too big, bad
   *     keyword...), with its text
   */
  OptionalLong append(String folder, FetchedMessage message, Set<String> flags, Instant internalDate);

  /** One message of {@link #appendAll}: its bytes, flags and INTERNALDATE. */
  record Append(FetchedMessage message, Set<String> flags, Instant internalDate) {}

  /**
   * Appends several messages to one folder; returns their new UIDs in the same order, each empty
   * when the server did not say. With MULTIAPPEND (RFC 3502) this is one command: all messages
   * are appended or, on a NO, none (RFC 3502 section 6.3.11); the destination's per-message cost
   * drops several times. Without it, one APPEND each (then a refusal may come after some were
   * appended: callers must treat a REJECTED failure as "some may be there").
   *
   * @throws ImapException kind REJECTED when the server refuses
   */
  default List<OptionalLong> appendAll(String folder, List<Append> messages) {
    List<OptionalLong> uids = new java.util.ArrayList<>();
    for (Append a : messages) {
      uids.add(append(folder, a.message(), a.flags(), a.internalDate()));
    }
    return uids;
  }

  /** CREATE, with intermediate levels as needed. */
  void create(String folder);

  /**
   * CREATE with a SPECIAL-USE attribute ({@code CREATE "Sent" (USE (\Sent))}, RFC 6154 section
   * 3) when the server advertises CREATE-SPECIAL-USE; otherwise, or when the server will not
   * give the folder that attribute (NO [USEATTR]), a plain {@link #create}.
   *
   * @param attribute e.g. {@code \Sent}
   * @return true when the folder was created carrying the attribute
   */
  boolean createSpecialUse(String folder, String attribute);

  /**
   * UID SEARCH on the selected folder, the criteria passed through as written (printable ASCII,
   * e.g. {@code NOT HEADER X-Spam-Flag YES}). A server that cannot parse them answers BAD:
   * {@link ImapException} kind PROTOCOL with its text.
   */
  Set<Long> searchUids(String criteria);

  void subscribe(String folder);

  /** UID STORE FLAGS.SILENT (flags) on the selected folder: makes the flags exactly these. */
  void replaceFlags(long uid, Set<String> flags);

  /** As {@link #replaceFlags(long, Set)} for several messages that get the same flags. */
  default void replaceFlags(Collection<Long> uids, Set<String> flags) {
    uids.forEach(uid -> replaceFlags(uid, flags));
  }

  /** UID STORE +FLAGS.SILENT (\Deleted) then UID EXPUNGE (needs UIDPLUS) on the selected folder. */
  void expunge(Collection<Long> uids);

  /** LOGOUT and close; never throws. */
  @Override
  void close();

  /** A UID with its RFC822.SIZE. */
  record UidSize(long uid, long size) {}
}
