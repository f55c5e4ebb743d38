package dev.mailshift.change;

import java.util.Objects;

/** The validate step: compare every mapped folder of an account, source against destination. */
public record VerifyAccount(String account) implements Change {
  public VerifyAccount {
    Objects.requireNonNull(account, "account");
  }

  @Override
  public String id() {
    return "verify:" + account;
  }

  @Override
  public String summary() {
    return "verify counts and bytes of " + account;
  }

  @Override
  public Reversibility reversibility() {
    return Reversibility.NOT_NEEDED;
  }
}
