package dev.mailshift.sync;

import dev.mailshift.imap.FetchedMessage;
import dev.mailshift.imap.FolderInfo;
import dev.mailshift.imap.FolderStatus;
import dev.mailshift.imap.GmailMeta;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.imap.MessageMeta;
import dev.mailshift.imap.ServerInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A Gmail source session whose messages carry their labels as keywords: every metadata and flag
 * fetch also asks X-GM-LABELS and adds one keyword per label, so copying, content matching and
 * flag mirroring all see the labels as flags. Read-only like the session it wraps.
 *
 * <p>A label becomes a keyword (an IMAP atom, RFC 3501 section 9): a system label {@code \Name}
 * becomes {@code $Name} ({@code \Important} is then the registered {@code $Important}, RFC
 * 8457), except {@code \Starred} and {@code \Draft}, which the message already carries as
 * {@code \Flagged} and {@code \Draft}; a user label keeps its modified UTF-7 spelling (ASCII)
 * with spaces and the characters an atom cannot hold replaced by {@code _}.
 */
final class LabelKeywords implements ImapSession {
  private final ImapSession source;

  LabelKeywords(ImapSession source) {
    this.source = source;
  }

  /** The keyword for one label, or null when the label adds nothing. */
  static String keyword(String label) {
    if (label.startsWith("\\")) {
      String name = label.substring(1);
      String upper = name.toUpperCase(Locale.ROOT);
      if (upper.equals("STARRED") || upper.equals("DRAFT") || name.isEmpty()) {
        return null;
      }
      return "$" + atom(name);
    }
    return label.isEmpty() ? null : atom(GmailMeta.wireSpelling(label));
  }

  private static String atom(String text) {
    StringBuilder b = new StringBuilder();
    for (char c : text.toCharArray()) {
      b.append(c <= 0x20 || c >= 0x7f || "(){%*\"\\]".indexOf(c) >= 0 ? '_' : c);
    }
    return b.toString();
  }

  private Map<Long, Set<String>> keywords(long from, long to) {
    Map<Long, Set<String>> out = new HashMap<>();
    source.fetchGmail(from, to, g -> {
      Set<String> k = new LinkedHashSet<>();
      g.labels().stream().map(LabelKeywords::keyword).filter(x -> x != null).forEach(k::add);
      out.put(g.uid(), k);
    });
    return out;
  }

  private static MessageMeta with(MessageMeta m, Set<String> keywords) {
    if (keywords == null || keywords.isEmpty()) {
      return m;
    }
    Set<String> flags = new LinkedHashSet<>(m.flags());
    flags.addAll(keywords);
    return new MessageMeta(m.uid(), m.size(), flags, m.internalDate(), m.messageId(), m.modseq());
  }

  @Override
  public void fetchMeta(long fromUid, long toUid, Consumer<MessageMeta> sink) {
    List<MessageMeta> metas = new ArrayList<>();
    source.fetchMeta(fromUid, toUid, metas::add);
    if (metas.isEmpty()) {
      return;
    }
    Map<Long, Set<String>> labels = keywords(fromUid, toUid);
    metas.forEach(m -> sink.accept(with(m, labels.get(m.uid()))));
  }

  @Override
  public void fetchFlags(OptionalLong changedSince, Consumer<MessageMeta> sink) {
    List<MessageMeta> metas = new ArrayList<>();
    source.fetchFlags(changedSince, metas::add);
    if (metas.isEmpty()) {
      return;
    }
    Map<Long, Set<String>> labels = keywords(1, Long.MAX_VALUE);
    metas.forEach(m -> sink.accept(with(m, labels.get(m.uid()))));
  }

  @Override
  public ServerInfo info() {
    return source.info();
  }

  @Override
  public dev.mailshift.imap.Access access() {
    return source.access();
  }

  @Override
  public List<FolderInfo> listFolders() {
    return source.listFolders();
  }

  @Override
  public List<FolderInfo> listFoldersAndMissingSubscriptions() {
    return source.listFoldersAndMissingSubscriptions();
  }

  @Override
  public FolderStatus status(String folder) {
    return source.status(folder);
  }

  @Override
  public FolderStatus examine(String folder) {
    return source.examine(folder);
  }

  @Override
  public FolderStatus select(String folder) {
    return source.select(folder);
  }

  @Override
  public void fetchGmail(long fromUid, long toUid, Consumer<GmailMeta> sink) {
    source.fetchGmail(fromUid, toUid, sink);
  }

  @Override
  public void fetchBodies(List<UidSize> messages, Consumer<FetchedMessage> sink) {
    source.fetchBodies(messages, sink);
  }

  @Override
  public OptionalLong append(String folder, FetchedMessage message, Set<String> flags,
      Instant internalDate) {
    return source.append(folder, message, flags, internalDate);
  }

  @Override
  public void create(String folder) {
    source.create(folder);
  }

  @Override
  public boolean createSpecialUse(String folder, String attribute) {
    return source.createSpecialUse(folder, attribute);
  }

  @Override
  public Set<Long> searchUids(String criteria) {
    return source.searchUids(criteria);
  }

  @Override
  public void subscribe(String folder) {
    source.subscribe(folder);
  }

  @Override
  public void replaceFlags(long uid, Set<String> flags) {
    source.replaceFlags(uid, flags);
  }

  @Override
  public void expunge(Collection<Long> uids) {
    source.expunge(uids);
  }

  @Override
  public void close() {
    source.close();
  }
}
