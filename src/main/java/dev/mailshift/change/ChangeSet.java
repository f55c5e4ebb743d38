package dev.mailshift.change;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The ordered steps of one phase for the selected accounts, with what {@code plan} observed
 * (fingerprints) so that {@code apply} of a saved plan can refuse a stale one. Immutable.
 *
 * @param planSha256 checksum of the plan file the set was made from
 * @param fingerprints the source folders seen, per account
 * @param dnsFingerprints the managed RRsets seen, for the DNS steps of the phase
 * @param accountFingerprints the mailboxes each account was planned against (source and
 *     destination server and user)
 */
public record ChangeSet(
    String planName,
    String planSha256,
    String phase,
    List<Change> changes,
    List<FolderFingerprint> fingerprints,
    List<DnsFingerprint> dnsFingerprints,
    List<AccountFingerprint> accountFingerprints) {

  public ChangeSet {
    Objects.requireNonNull(planName, "planName");
    Objects.requireNonNull(planSha256, "planSha256");
    Objects.requireNonNull(phase, "phase");
    changes = List.copyOf(changes);
    fingerprints = List.copyOf(fingerprints);
    dnsFingerprints = List.copyOf(dnsFingerprints);
    accountFingerprints = List.copyOf(accountFingerprints);
  }

  /** A change set without account fingerprints (added by {@link #withAccountFingerprints}). */
  public ChangeSet(String planName, String planSha256, String phase, List<Change> changes,
      List<FolderFingerprint> fingerprints, List<DnsFingerprint> dnsFingerprints) {
    this(planName, planSha256, phase, changes, fingerprints, dnsFingerprints, List.of());
  }

  /** This change set recording the mailboxes its accounts were planned against. */
  public ChangeSet withAccountFingerprints(List<AccountFingerprint> accounts) {
    return new ChangeSet(planName, planSha256, phase, changes, fingerprints, dnsFingerprints,
        accounts);
  }

  /** A change set without DNS steps. */
  public ChangeSet(String planName, String planSha256, String phase, List<Change> changes,
      List<FolderFingerprint> fingerprints) {
    this(planName, planSha256, phase, changes, fingerprints, List.of());
  }

  /** A checksum over the plan identity and every step (id and summary), stable across runs. */
  public String checksum() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      update(sha, planName);
      update(sha, planSha256);
      update(sha, phase);
      for (Change c : changes) {
        update(sha, c.toString());
      }
      for (FolderFingerprint f : fingerprints) {
        update(sha, f.toString());
      }
      for (DnsFingerprint f : dnsFingerprints) {
        update(sha, f.toString());
      }
      for (AccountFingerprint f : accountFingerprints) {
        update(sha, f.toString());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static void update(MessageDigest sha, String s) {
    sha.update(s.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
  }

  public List<Change> changesOf(String account) {
    return changes.stream().filter(c -> c.account().equals(account)).toList();
  }

  public List<String> accounts() {
    return changes.stream().map(Change::account).distinct().toList();
  }
}
