package dev.mailshift.api;

import dev.mailshift.planner.AccountObservation;
import java.util.List;

/**
 * {@code plan} found folder-map conflicts (two source folders in one destination folder, a
 * reserved or unholdable name...): the plan is invalid and nothing was changed. Carries what was
 * observed, so the folder maps can be shown with the conflicts marked.
 */
public final class FolderConflictException extends MailshiftException {
  private final transient List<AccountObservation> observed;

  FolderConflictException(String message, String hint, List<AccountObservation> observed,
      Throwable cause) {
    super(ErrorCode.PLAN_INVALID, message, hint, cause);
    this.observed = List.copyOf(observed);
  }

  public List<AccountObservation> observed() {
    return observed;
  }
}
