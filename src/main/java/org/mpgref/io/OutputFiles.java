package org.mpgref.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Writing output files all or nothing: the text (or bytes) goes to a temporary file in the target's directory, which
 * is then moved over the target atomically, so a reader (or a failed run) never sees a half-written file.
 */
public final class OutputFiles {
  private OutputFiles() {}

  /**
   * Writes text (UTF-8) to a file atomically: either the whole new content is there, or the file is as before.
   *
   * @param target the file to write
   * @param text its content
   * @throws IllegalArgumentException with a one-line message naming the file if it cannot be written (missing
   *     directory, no permission, the target is a directory, no space left)
   */
  public static void writeAtomically(Path target, String text) {
    writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes bytes (an image, say) to a file atomically: either the whole new content is there, or the file is as
   * before.
   *
   * @param target the file to write
   * @param bytes its content
   * @throws IllegalArgumentException with a one-line message naming the file if it cannot be written (missing
   *     directory, no permission, the target is a directory, no space left)
   */
  public static void writeAtomically(Path target, byte[] bytes) {
    Path abs = target.toAbsolutePath();
    @Nullable Path dir = abs.getParent();
    if (dir == null) {
      throw new IllegalArgumentException(target + ": cannot be written: it has no parent directory");
    }
    if (Files.isDirectory(abs)) {
      throw new IllegalArgumentException(target + ": cannot be written: it is a directory");
    }
    @Nullable Path tmp = null;
    try {
      Path fileName = abs.getFileName();
      // A new hidden file in the same directory, created with the process's default permissions (umask), unlike
      // Files.createTempFile, whose files are owner-only.
      String base = "." + (fileName == null ? "out" : fileName.toString()) + ".";
      Path candidate = dir.resolve(base + Long.toUnsignedString(System.nanoTime(), 36) + ".tmp");
      tmp = candidate;
      Files.write(candidate, bytes, java.nio.file.StandardOpenOption.CREATE_NEW,
          java.nio.file.StandardOpenOption.WRITE);
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(target + ": cannot be written: directory " + dir + " does not exist");
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(target + ": cannot be written: permission denied");
    } catch (FileAlreadyExistsException e) {
      throw new IllegalArgumentException(target + ": cannot be written: " + e.getMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException(target + ": cannot be written: " + FormatException.oneLine(
          String.valueOf(e.getMessage())));
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the temporary file is hidden and named after the target
        }
      }
    }
  }
}
