package dev.mailshift.change;

import java.util.Objects;

/**
 * The two mailboxes {@code plan} planned an account against, e.g. {@code imaps://mail.example:993
 * (user a@example)} for each side, and a digest of the account's effective folder rules. A saved
 * plan whose mailboxes or folder rules differ from the ones the plan gives at apply time is
 * stale: it was made for other servers or users, or its folder map (destination names, what is
 * left out) is not the one apply would use. The folder rules matter apart from the plan file's
 * checksum because a CSV of accounts (not part of that checksum) can name a folder profile.
 *
 * @param folderRules a digest of the account's effective folder rules (what they decide, not
 *     where they are written)
 */
public record AccountFingerprint(String account, String source, String destination,
    String folderRules) {
  public AccountFingerprint {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(folderRules, "folderRules");
  }
}
