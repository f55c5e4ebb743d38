package dev.mailshift.sync;

import dev.mailshift.imap.Access;
import dev.mailshift.imap.FetchedMessage;
import dev.mailshift.imap.FolderInfo;
import dev.mailshift.imap.FolderStatus;
import dev.mailshift.imap.ImapException;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.imap.MessageMeta;
import dev.mailshift.imap.ServerInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A session on a {@link FakeImapServer}, behaving as the ImapSession contract says: a READ_ONLY
 * session throws IllegalStateException from every write; a dropped session stays dead.
 */
final class FakeImapSession implements ImapSession {
  private final FakeImapServer server;
  private final Access access;
  private String selected;
  private boolean dead;

  FakeImapSession(FakeImapServer server, Access access) {
    this.server = server;
    this.access = access;
  }

  private <T> T op(String name, Supplier<T> effect) {
    if (dead) {
      throw new ImapException(ImapException.Kind.DROPPED, "session already dropped");
    }
    server.count(name);
    try {
      return server.faults.around(effect);
    } catch (ImapException e) {
      if (e.retryable()) {
        dead = true;
      }
      throw e;
    }
  }

  private void op(String name, Runnable effect) {
    op(name, () -> {
      effect.run();
      return null;
    });
  }

  private void requireWritable(String what) {
    if (access == Access.READ_ONLY) {
      throw new IllegalStateException(what + " on a read-only session");
    }
  }

  private FakeImapServer.Folder folder(String name) {
    return server.find(name).orElseThrow(() -> new ImapException(
        ImapException.Kind.NO_SUCH_FOLDER, "no folder " + name, "NO [NONEXISTENT]", null));
  }

  private FakeImapServer.Folder selected() {
    if (selected == null) {
      throw new IllegalStateException("no folder selected");
    }
    return folder(selected);
  }

  private FolderStatus statusOf(FakeImapServer.Folder f) {
    return new FolderStatus(f.uidValidity, f.uidNext, f.messages.size(),
        server.hasCondstore() ? OptionalLong.of(f.highestModseq) : OptionalLong.empty());
  }

  @Override
  public ServerInfo info() {
    return new ServerInfo(server.capabilities, "", '/', server.appendLimit);
  }

  @Override
  public Access access() {
    return access;
  }

  @Override
  public List<FolderInfo> listFolders() {
    throw new UnsupportedOperationException("not used by the sync engine");
  }

  @Override
  public FolderStatus status(String folder) {
    return op("status", () -> statusOf(folder(folder)));
  }

  @Override
  public FolderStatus examine(String folder) {
    return op("examine", () -> {
      FolderStatus s = statusOf(folder(folder));
      selected = folder;
      return s;
    });
  }

  @Override
  public FolderStatus select(String folder) {
    requireWritable("SELECT");
    return op("select", () -> {
      FolderStatus s = statusOf(folder(folder));
      selected = folder;
      return new FolderStatus(s.uidValidity(), s.uidNext(), s.messages(), s.highestModseq(),
          server.permanentFlags.orElse(Set.of()));
    });
  }

  @Override
  public void fetchMeta(long fromUid, long toUid, Consumer<MessageMeta> sink) {
    List<FakeImapServer.Message> found = op("fetchMeta", () -> {
      var messages = selected().messages;
      if (messages.isEmpty()) {
        return List.of();
      }
      if (fromUid > messages.lastKey()) {
        // RFC 3501 6.4.8: "n:*" with n above the highest UID still means the last message.
        return List.of(messages.lastEntry().getValue());
      }
      return List.copyOf(messages.subMap(fromUid, true, toUid, true).values());
    });
    boolean condstore = server.hasCondstore();
    for (FakeImapServer.Message m : found) {
      sink.accept(new MessageMeta(m.uid, m.bytes.length, m.flags, m.date, m.messageId(),
          condstore ? OptionalLong.of(m.modseq) : OptionalLong.empty()));
    }
  }

  @Override
  public void fetchFlags(OptionalLong changedSince, Consumer<MessageMeta> sink) {
    boolean condstore = server.hasCondstore();
    List<FakeImapServer.Message> found = op("fetchFlags", () -> selected().messages.values()
        .stream().filter(m -> !condstore || changedSince.isEmpty()
            || m.modseq > changedSince.getAsLong()).toList());
    for (FakeImapServer.Message m : found) {
      sink.accept(new MessageMeta(m.uid, 0, m.flags, null, Optional.empty(),
          condstore ? OptionalLong.of(m.modseq) : OptionalLong.empty()));
    }
  }

  @Override
  public void fetchGmail(long fromUid, long toUid,
      Consumer<dev.mailshift.imap.GmailMeta> sink) {
    if (!server.capabilities.contains("X-GM-EXT-1")) {
      throw new IllegalStateException("no X-GM-EXT-1");
    }
    op("fetchGmail", () -> selected().messages.subMap(fromUid, true, toUid, true).values()
        .forEach(m -> sink.accept(new dev.mailshift.imap.GmailMeta(m.uid, m.gmailId, m.labels))));
  }

  @Override
  public void fetchBodies(List<UidSize> messages, Consumer<FetchedMessage> sink) {
    server.count("fetchBodies");
    for (UidSize wanted : messages) {
      FakeImapServer.Message m = op("fetchBody", () -> selected().messages.get(wanted.uid()));
      if (m == null) {
        continue; // expunged meanwhile: the server sends nothing for it
      }
      if (m.bytes.length != wanted.size()) {
        throw new ImapException(ImapException.Kind.PROTOCOL, "size mismatch for UID " + m.uid);
      }
      sink.accept(new FakeFetchedMessage(m.uid, m.bytes));
    }
  }

  @Override
  public OptionalLong append(String folder, FetchedMessage message, Set<String> flags,
      Instant internalDate) {
    requireWritable("APPEND");
    byte[] bytes = read(message);
    return op("append", () -> {
      FakeImapServer.Folder f = folder(folder);
      refuseIfNeeded(bytes, flags);
      long uid = server.deliver(folder, bytes, flags, internalDate);
      return server.capabilities.contains("UIDPLUS") ? OptionalLong.of(uid) : OptionalLong.empty();
    });
  }

  private void refuseIfNeeded(byte[] bytes, Set<String> flags) {
    if (flags.stream().anyMatch(x -> x.equalsIgnoreCase("\\Recent"))) {
      throw new ImapException(ImapException.Kind.PROTOCOL, "APPEND with \\Recent", "BAD", null);
    }
    if (server.appendLimit.isPresent() && bytes.length > server.appendLimit.getAsLong()) {
      throw new ImapException(ImapException.Kind.REJECTED, "APPEND refused", "NO [TOOBIG]", null);
    }
    if (server.refuseAppend.test(bytes)) {
      throw new ImapException(ImapException.Kind.REJECTED, "APPEND refused",
          "NO [CANNOT] message refused by policy", null);
    }
    Set<String> allowed = server.permanentFlags.orElse(Set.of("\\*"));
    for (String flag : flags) {
      boolean ok = flag.startsWith("\\") || allowed.contains("\\*") || allowed.stream()
          .anyMatch(a -> a.toLowerCase(Locale.ROOT).equals(flag.toLowerCase(Locale.ROOT)));
      if (!ok) {
        throw new ImapException(ImapException.Kind.REJECTED, "APPEND refused",
            "NO [CANNOT] keyword " + flag + " not allowed", null);
      }
    }
  }

  private static byte[] read(FetchedMessage message) {
    try (InputStream in = message.open()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void create(String folder) {
    requireWritable("CREATE");
    op("create", () -> {
      server.create(folder);
    });
  }

  @Override
  public boolean createSpecialUse(String folder, String attribute) {
    create(folder);
    return false;
  }

  /** Understands "UID n:m criteria" and "criteria" for ALL and criteria set in server.searches. */
  @Override
  public Set<Long> searchUids(String criteria) {
    return op("search", () -> {
      java.util.regex.Matcher m = java.util.regex.Pattern
          .compile("(?:UID (\\d+):(\\d+|\\*) (.*))|(.*)").matcher(criteria);
      m.matches();
      long from = m.group(1) == null ? 1 : Long.parseLong(m.group(1));
      long to = m.group(2) == null || m.group(2).equals("*") ? Long.MAX_VALUE
          : Long.parseLong(m.group(2));
      String inner = m.group(3) != null ? m.group(3) : m.group(4);
      java.util.function.Predicate<FakeImapServer.Message> test = inner.equals("ALL")
          ? x -> true : server.searches.get(inner);
      if (test == null) {
        throw new ImapException(ImapException.Kind.PROTOCOL, "search failed",
            "BAD Error in IMAP command UID SEARCH: Unknown argument " + inner, null);
      }
      java.util.Set<Long> out = new java.util.HashSet<>();
      selected().messages.values().stream().filter(x -> x.uid >= from && x.uid <= to)
          .filter(test).forEach(x -> out.add(x.uid));
      return out;
    });
  }

  @Override
  public void subscribe(String folder) {
    requireWritable("SUBSCRIBE");
    op("subscribe", () -> { });
  }

  @Override
  public void replaceFlags(long uid, Set<String> flags) {
    requireWritable("STORE");
    op("replaceFlags", () -> {
      if (selected().messages.containsKey(uid)) {
        server.setFlags(selected, uid, flags);
      }
    });
  }

  @Override
  public void expunge(Collection<Long> uids) {
    requireWritable("EXPUNGE");
    op("expunge", () -> uids.forEach(uid -> {
      if (selected().messages.containsKey(uid)) {
        server.expunge(selected, uid);
      }
    }));
  }

  @Override
  public void close() {
    dead = true;
  }

  Map<String, Integer> calls() {
    return server.calls();
  }
}
