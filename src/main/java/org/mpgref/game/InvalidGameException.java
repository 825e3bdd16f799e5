package org.mpgref.game;

/**
 * Thrown when a game, a policy or a parameter breaks a rule of the model. The message is one line that names the
 * offending entry and the rule it breaks, e.g. {@code "P(.|s=1,a=(0,2)) sums to 9/10; it must sum to exactly 1"}.
 * Not final: {@code org.mpgref.io.FormatException} refines it with the input's name and the entry's path in the file.
 */
public class InvalidGameException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line naming the entry and the rule it breaks
   */
  public InvalidGameException(String message) {
    super(message);
  }
}
