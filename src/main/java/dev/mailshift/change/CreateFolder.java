package dev.mailshift.change;

import java.util.Objects;

/**
 * Create a destination folder (with its parents) for a source folder. Idempotent: an existing
 * folder is not an error. Not undone automatically: a folder mailshift created may have received
 * mail since.
 *
 * @param reason why the destination name is what it is (identity, rule, special-use)
 * @param specialUse the RFC 6154 attribute to create it with (e.g. {@code \Sent}), "" for none;
 *     applied where the destination offers CREATE-SPECIAL-USE
 */
public record CreateFolder(
    String account, String sourceFolder, String destinationFolder, String reason, String specialUse)
    implements Change {
  public CreateFolder {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(sourceFolder, "sourceFolder");
    Objects.requireNonNull(destinationFolder, "destinationFolder");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(specialUse, "specialUse");
  }

  @Override
  public String id() {
    return "create:" + account + ":" + destinationFolder;
  }

  @Override
  public String summary() {
    return "create folder " + destinationFolder + (specialUse.isEmpty() ? "" : " as " + specialUse)
        + " (for " + sourceFolder + ")";
  }

  @Override
  public Reversibility reversibility() {
    return Reversibility.MANUAL;
  }
}
