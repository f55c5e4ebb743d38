package dev.mailshift.api;

import dev.mailshift.apply.AccountTarget;
import dev.mailshift.apply.StateBinder;
import dev.mailshift.plan.Account;
import dev.mailshift.plan.Plan;
import dev.mailshift.plan.Server;
import dev.mailshift.state.AccountBinding;
import dev.mailshift.state.BindingCheck;
import dev.mailshift.state.MailboxIdentity;
import dev.mailshift.state.Rebinding;
import dev.mailshift.state.StateStore;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The mailboxes a plan names for its accounts (server host, port, TLS and user of each side, from
 * the plan alone, no secret needed), compared with those the state is bound to: for {@code plan}
 * (which accounts' state to set aside), saved plans (fingerprints), {@code apply} (bind before
 * the first step) and {@code status}. The fingerprints a saved plan records are {@link
 * AccountFingerprints}.
 */
final class StateBindings {
  private static final System.Logger LOG = System.getLogger(StateBindings.class.getName());

  private StateBindings() {}

  /** The binding the plan names for {@code account}. */
  static AccountBinding of(Plan plan, Account account) {
    return new AccountBinding(account.id(), side(plan, account.source()),
        side(plan, account.destination()));
  }

  private static MailboxIdentity side(Plan plan, Account.Side side) {
    Server s = plan.server(side.server());
    return MailboxIdentity.of(s.tls() == Server.Tls.IMPLICIT, s.host(), s.port(), side.user());
  }

  /** The bindings the plan names for these accounts, in their order. */
  static List<AccountBinding> of(Plan plan, Collection<String> accountIds) {
    Set<String> wanted = Set.copyOf(accountIds);
    Map<String, AccountBinding> byId = new LinkedHashMap<>();
    plan.accounts().stream().filter(a -> wanted.contains(a.id()))
        .forEach(a -> byId.put(a.id(), of(plan, a)));
    return accountIds.stream().filter(byId::containsKey).map(byId::get).toList();
  }

  static List<AccountBinding> ofTargets(Plan plan, List<AccountTarget> targets) {
    return of(plan, targets.stream().map(AccountTarget::id).toList());
  }

  /** How each binding compares with what the state records (reads only). */
  static List<BindingCheck> check(StateStore state, List<AccountBinding> wanted) {
    return wanted.stream().map(b -> state.bindings().check(b)).toList();
  }

  /** The accounts whose earlier sync state must not be used. */
  static Set<String> setAside(List<BindingCheck> checks) {
    return checks.stream().filter(c -> !c.stateUsable()).map(c -> c.wanted().account())
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * A binder for {@code apply}: binds each account's state to the plan's mailboxes and adds every
   * rebinding (state set aside) to {@code rebound}.
   */
  static StateBinder binder(Plan plan, StateStore state, List<Rebinding> rebound) {
    return targets -> {
      List<Rebinding> found = state.bindings().bind(ofTargets(plan, targets));
      found.forEach(r -> LOG.log(System.Logger.Level.DEBUG, "{0}: {1}", r.account(),
          r.summary()));
      rebound.addAll(found);
    };
  }
}
