package org.mpgref.limits;

/**
 * A refusal before work or memory is spent: an input or a computation needs more than a stated limit. The message is
 * one line, {@code "<what> needs <needed>; the limit is <limit> (raise it with <how>)"}, e.g. {@code "exact
 * visitation solve needs about 3.4e11 work units; the limit is 4e9 (raise it with --max-work)"}. Callers map it to
 * exit code 2 (CLI) or {@code {"ok": false}} (server). Every limit is listed in specs/limits.md.
 */
public final class LimitExceededException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String limitName;

  /**
   * @param what what would exceed the limit, naming the entry or the computation (e.g. {@code "rewards[2][0][5]"})
   * @param needed what it needs, with its unit (e.g. {@code "20001 digits"})
   * @param limit the limit, with its unit (e.g. {@code "10000 digits"})
   * @param how how to raise it (a CLI option such as {@code "--max-digits"}, or a server field)
   */
  public LimitExceededException(String what, String needed, String limit, String how) {
    super(what + " needs " + needed + "; the limit is " + limit + " (raise it with " + how + ")");
    this.limitName = how;
  }

  /**
   * @return the option or field that raises the limit
   */
  public String limitName() {
    return limitName;
  }
}
