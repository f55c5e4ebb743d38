package dev.mailshift.sync;

import dev.mailshift.imap.ImapException;
import dev.mailshift.imap.ImapSession;
import dev.mailshift.imap.MessageMeta;
import dev.mailshift.state.SkipRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the source messages of the selected folder a sync still has to decide on: those above the
 * checkpoint that are neither mapped nor skipped for good, plus earlier skips that no longer
 * stand (the plan, the clock or the search answer changed). When the selection has a search, the
 * source is asked once, for the UIDs from the lowest one in question upwards.
 *
 * @param pending in UID order
 * @param rules the skip rules, with the source's search answer when there is a search
 */
record PendingScan(List<MessageMeta> pending, SkipRules rules) {

  static PendingScan of(FolderPair pair, ImapSession source, List<SkipRecord> skips,
      Set<Long> mapped, long lastUid, SkipRules rules) {
    Set<Long> handled = new HashSet<>(mapped);
    TreeSet<Long> stale = new TreeSet<>();
    TreeSet<Long> askSearch = new TreeSet<>();
    for (SkipRecord s : skips) {
      switch (rules.standing(s)) {
        case HOLDS -> handled.add(s.sourceUid());
        case STALE -> stale.add(s.sourceUid());
        case ASK_SEARCH -> askSearch.add(s.sourceUid());
      }
    }
    handled.addAll(askSearch);
    List<MessageMeta> pending = new ArrayList<>();
    source.fetchMeta(lastUid + 1, Long.MAX_VALUE, m -> {
      // m.uid() <= lastUid: "n:*" above the highest UID still returns the last message
      // (RFC 3501 6.4.8); it is handled already.
      if (m.uid() > lastUid && !handled.contains(m.uid()) && !stale.contains(m.uid())) {
        pending.add(m);
      }
    });
    Optional<String> search = rules.options().selection().search();
    SkipRules withAnswer = rules;
    if (search.isPresent()) {
      TreeSet<Long> inQuestion = new TreeSet<>(askSearch);
      inQuestion.addAll(stale);
      pending.forEach(m -> inQuestion.add(m.uid()));
      Set<Long> matches = inQuestion.isEmpty() ? Set.of()
          : search(pair, source, inQuestion.first(), search.get());
      withAnswer = rules.withSearchMatches(matches);
      askSearch.stream().filter(matches::contains).forEach(stale::add);
    }
    if (!stale.isEmpty()) {
      source.fetchMeta(stale.first(), stale.last(), m -> {
        if (stale.contains(m.uid())) {
          pending.add(m);
        }
      });
      pending.sort(Comparator.comparingLong(MessageMeta::uid));
    }
    return new PendingScan(pending, withAnswer);
  }

  private static Set<Long> search(FolderPair pair, ImapSession source, long fromUid,
      String criteria) {
    try {
      // Search keys in a row are ANDed and each is complete in itself (prefix NOT and OR), so
      // the plan's keys need no parentheses after the UID range (RFC 3501 6.4.4). GreenMail
      // 2.1 ignores a parenthesised NOT, a reason not to add them.
      return source.searchUids("UID " + fromUid + ":* " + criteria);
    } catch (ImapException e) {
      if (e.retryable()) {
        throw e;
      }
      throw new SearchRefusedException(pair, criteria, e);
    }
  }
}
