package dev.mailshift.imap;

import dev.mailshift.plan.Secret;
import java.util.Objects;

/** A login. The password is a {@link Secret}, masked in every {@code toString}. */
public record Credentials(String user, Secret password) {
  public Credentials {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }
}
