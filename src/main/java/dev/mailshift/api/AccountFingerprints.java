package dev.mailshift.api;

import dev.mailshift.change.AccountFingerprint;
import dev.mailshift.plan.Account;
import dev.mailshift.plan.FolderRules;
import dev.mailshift.plan.Plan;
import dev.mailshift.state.AccountBinding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a saved plan records of each account to tell, at apply, whether it still describes that
 * account: the two mailboxes (from the bindings) and a digest of the effective folder rules, so
 * that a CSV row that now names another folder profile makes the saved plan stale for that
 * account even though the plan file is unchanged.
 */
final class AccountFingerprints {
  /** Hex digits of SHA-256 kept: enough to tell two rule sets apart, short in a saved plan. */
  private static final int DIGEST_HEX = 16;

  private AccountFingerprints() {}

  /** The fingerprints of {@code bindings}' accounts, in their order. */
  static List<AccountFingerprint> of(Plan plan, List<AccountBinding> bindings) {
    Map<String, Account> byId = plan.accounts().stream()
        .collect(Collectors.toMap(Account::id, Function.identity(), (a, b) -> a));
    return bindings.stream().map(b -> new AccountFingerprint(b.account(),
        b.source().toString(), b.destination().toString(),
        folderRules(byId.get(b.account()).folders()))).toList();
  }

  /**
   * A digest of what the rules decide: every key's value, not where it is written nor the
   * profile's name (moving a rule within the file, or renaming a profile, maps the same).
   */
  static String folderRules(FolderRules r) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      list(sha, r.include());
      list(sha, r.exclude());
      Map<String, String> map = new TreeMap<>(r.map());
      put(sha, String.valueOf(map.size()));
      map.forEach((k, v) -> {
        put(sha, k);
        put(sha, v);
      });
      put(sha, String.valueOf(r.rename().size()));
      r.rename().forEach(rule -> {
        put(sha, rule.match());
        put(sha, rule.to());
      });
      put(sha, r.destinationPrefix());
      put(sha, r.specialUse().name());
      put(sha, r.subscriptions().name());
      put(sha, r.separatorReplacement());
      put(sha, String.valueOf(r.merge()));
      put(sha, String.valueOf(r.caseInsensitiveDestination()));
      list(sha, r.reservedNames());
      put(sha, r.gmailLabels().name());
      return HexFormat.of().formatHex(sha.digest()).substring(0, DIGEST_HEX);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static void list(MessageDigest sha, List<String> values) {
    put(sha, String.valueOf(values.size()));
    values.forEach(v -> put(sha, v));
  }

  /** Length-prefixed, so that no two different sequences of values give the same bytes. */
  private static void put(MessageDigest sha, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
    sha.update(bytes);
  }
}
