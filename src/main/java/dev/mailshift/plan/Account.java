package dev.mailshift.plan;

import java.util.Objects;
import java.util.Optional;

/**
 * One mailbox to migrate: where it is read from, where it is written to, the batch it belongs to
 * (phases select accounts by batch), and its effective folder rules (plan-wide rules with this
 * account's overrides applied).
 *
 * @param id a stable identifier for state and reports (the source user unless given)
 */
public record Account(
    String id,
    Side source,
    Side destination,
    Optional<String> batch,
    FolderRules folders,
    Location location) {

  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(folders, "folders");
    Objects.requireNonNull(location, "location");
  }

  /** One side of an account: the server (by plan name), the login, and the password reference. */
  public record Side(String server, String user, SecretRef password) {
    public Side {
      Objects.requireNonNull(server, "server");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }
  }
}
