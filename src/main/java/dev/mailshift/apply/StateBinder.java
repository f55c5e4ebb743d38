package dev.mailshift.apply;

import java.util.List;

/**
 * Makes the state store describe the mailboxes a run works on. {@link Applier} calls it once per
 * run, after every account was observed and the steps are fixed (a run that stops before that
 * changes nothing) and before the first step: from then on, checkpoints, UID maps and intents of
 * an account are those of the servers and users the plan names now, or there are none.
 */
@FunctionalInterface
public interface StateBinder {
  StateBinder NONE = accounts -> { };

  void bind(List<AccountTarget> accounts);
}
