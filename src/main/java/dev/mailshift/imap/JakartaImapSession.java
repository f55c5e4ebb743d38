package dev.mailshift.imap;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link ImapSession} over one Jakarta Mail (Angus) connection, driven at the protocol level.
 *
 * <p>Invariants: a {@link Access#READ_ONLY} session refuses every mutating call with {@link
 * IllegalStateException} before anything is sent, opens folders with EXAMINE only, and fetches
 * with BODY.PEEK only. A folder already open in the same mode is not opened again: {@link
 * #examine}/{@link #select} then return the status of that selection, advanced by this session's
 * own APPENDs; {@link #status} asks the server. An EXAMINE of a folder open read-write is sent
 * (it switches to read-only), so a check after a sync (the validate step) sees the server's
 * current view, not the counters of the sync's selection. After a dropped
 * connection every call throws ImapException DROPPED.
 *
 * <p>Details callers see: {@link #fetchFlags} delivers {@code internalDate} {@link
 * java.time.Instant#EPOCH} (not asked for); {@link #fetchBodies} hands messages out in the order
 * asked and skips one the server no longer has (expunged meanwhile); {@link #create} of an
 * existing folder succeeds; {@link #append} above an advertised APPENDLIMIT fails REJECTED
 * without sending the bytes. A sink's own exception leaves unchanged, the connection still usable.
 * Bodies fetched and literals appended are paced by the endpoint's {@link Throttle}.
 */
public final class JakartaImapSession implements ImapSession {
  private final Wire wire;
  private final ServerInfo info;
  private final Access access;
  private final FetchLimits limits;
  private final Throttle throttle;
  private Selection selection;

  private record Selection(String folder, boolean writable, FolderStatus status) {}

  JakartaImapSession(Wire wire, ServerInfo info, Access access, FetchLimits limits,
      Throttle throttle) {
    this.wire = wire;
    this.info = info;
    this.access = Objects.requireNonNull(access, "access");
    this.limits = limits;
    this.throttle = Objects.requireNonNull(throttle, "throttle");
  }

  @Override
  public ServerInfo info() {
    return info;
  }

  @Override
  public Access access() {
    return access;
  }

  @Override
  public List<FolderInfo> listFolders() {
    return FolderLister.list(wire, info, false);
  }

  @Override
  public List<FolderInfo> listFoldersAndMissingSubscriptions() {
    return FolderLister.list(wire, info, true);
  }

  @Override
  public FolderStatus status(String folder) {
    FolderStatus status = Mailboxes.status(wire, info, folder);
    if (status.uidValidity() > 0) {
      return status;
    }
    // Dovecot 2.3 (Maildir) can answer STATUS of a folder that another session has just
    // created and nobody has opened yet with UIDVALIDITY 0, which RFC 3501 (9, nz-number) does
    // not allow. Opening the folder makes the server assign it. EXAMINE changes nothing; the
    // selection callers made before is restored, so status() still leaves it as it was.
    Selection before = selection;
    FolderStatus opened = open(folder, false);
    if (before != null) {
      open(before.folder(), before.writable());
    }
    return new FolderStatus(opened.uidValidity(), opened.uidNext(), opened.messages(),
        opened.highestModseq());
  }

  @Override
  public Map<String, FolderStatus> statusAll() {
    return info.has("LIST-STATUS") ? Mailboxes.listStatus(wire, info) : Map.of();
  }

  @Override
  public FolderStatus examine(String folder) {
    if (selection != null && selection.folder().equals(folder) && !selection.writable()) {
      return selection.status();
    }
    return open(folder, false);
  }

  @Override
  public FolderStatus select(String folder) {
    writable("select");
    if (selection != null && selection.folder().equals(folder) && selection.writable()) {
      return selection.status();
    }
    return open(folder, true);
  }

  private FolderStatus open(String folder, boolean writable) {
    selection = null;
    FolderStatus status = Mailboxes.open(wire, info, folder, writable);
    selection = new Selection(folder, writable, status);
    return status;
  }

  @Override
  public void fetchMeta(long fromUid, long toUid, Consumer<MessageMeta> sink) {
    MetaFetcher.meta(wire, info, selected().folder(), fromUid, toUid, sink);
  }

  @Override
  public void fetchFlags(OptionalLong changedSince, Consumer<MessageMeta> sink) {
    MetaFetcher.flags(wire, info, selected().folder(), changedSince, sink);
  }

  @Override
  public void fetchGmail(long fromUid, long toUid, Consumer<GmailMeta> sink) {
    GmailFetcher.fetch(wire, info, selected().folder(), fromUid, toUid, sink);
  }

  @Override
  public void fetchBodies(List<UidSize> messages, Consumer<FetchedMessage> sink) {
    new BodyFetcher(wire, limits, throttle, selected().folder()).fetch(messages, sink);
  }

  @Override
  public OptionalLong append(String folder, FetchedMessage message, Set<String> flags,
      Instant internalDate) {
    writable("append");
    OptionalLong uid = Appender.append(wire, info, throttle, folder, message, flags,
        internalDate);
    if (selection != null && selection.folder().equals(folder)) {
      // Keep the selection's counters true without a round trip, or forget them.
      FolderStatus s = selection.status();
      selection = uid.isEmpty() ? null : new Selection(folder, selection.writable(),
          new FolderStatus(s.uidValidity(), Math.max(s.uidNext(), uid.getAsLong() + 1),
              s.messages() + 1, s.highestModseq(), s.permanentFlags()));
    }
    return uid;
  }

  @Override
  public List<OptionalLong> appendAll(String folder, List<Append> messages) {
    writable("append");
    if (messages.size() < 2 || !info.has("MULTIAPPEND")) {
      return ImapSession.super.appendAll(folder, messages);
    }
    List<OptionalLong> uids = Appender.appendAll(wire, info, throttle, folder, messages);
    if (selection != null && selection.folder().equals(folder)) {
      long highest = uids.stream().mapToLong(u -> u.orElse(0)).max().orElse(0);
      FolderStatus st = selection.status();
      selection = highest == 0 ? null : new Selection(folder, selection.writable(),
          new FolderStatus(st.uidValidity(), Math.max(st.uidNext(), highest + 1),
              st.messages() + messages.size(), st.highestModseq(), st.permanentFlags()));
    }
    return uids;
  }

  @Override
  public void create(String folder) {
    writable("create");
    Folders.create(wire, folder);
  }

  @Override
  public boolean createSpecialUse(String folder, String attribute) {
    writable("create");
    return Folders.createSpecialUse(wire, info, folder, attribute);
  }

  @Override
  public Set<Long> searchUids(String criteria) {
    return UidSearch.search(wire, selected().folder(), criteria);
  }

  @Override
  public void subscribe(String folder) {
    writable("subscribe");
    Folders.subscribe(wire, folder);
  }

  @Override
  public void replaceFlags(long uid, Set<String> flags) {
    writable("replaceFlags");
    FlagWriter.replace(wire, selectedWritable().folder(), uid, flags);
  }

  @Override
  public void replaceFlags(Collection<Long> uids, Set<String> flags) {
    writable("replaceFlags");
    FlagWriter.replace(wire, selectedWritable().folder(), uids, flags);
  }

  @Override
  public void expunge(Collection<Long> uids) {
    writable("expunge");
    FlagWriter.expunge(wire, info, selectedWritable().folder(), uids);
  }

  @Override
  public void close() {
    wire.close();
  }

  private void writable(String what) {
    if (access == Access.READ_ONLY) {
      throw new IllegalStateException(
          what + " refused: this session on " + wire.failures().where() + " is read-only");
    }
  }

  private Selection selected() {
    if (selection == null) {
      throw new IllegalStateException("no folder selected: call examine or select first");
    }
    return selection;
  }

  private Selection selectedWritable() {
    Selection s = selected();
    if (!s.writable()) {
      throw new IllegalStateException(
          "\"" + s.folder() + "\" is open read-only (EXAMINE): call select first");
    }
    return s;
  }

  @Override
  public String toString() {
    return "JakartaImapSession[" + wire.failures().where() + ", " + access + "]";
  }
}
