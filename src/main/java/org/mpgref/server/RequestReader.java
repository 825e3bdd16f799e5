package org.mpgref.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads request lines from bytes with a length limit that holds <em>before</em> a line is kept: at most
 * {@code maxBytes} bytes of a line are buffered; the rest of a longer line is skipped up to its newline and the line
 * is reported as {@linkplain Line#oversized() oversized} (with its length), so that one huge line costs no memory
 * and the next request is read normally. Lines end at {@code \n}; a trailing {@code \r} is dropped. Bytes must be
 * UTF-8 (malformed bytes make the line {@linkplain Line#badUtf8() invalid}, never replaced).
 */
final class RequestReader {
  private final InputStream in;
  private final int maxBytes;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int end;
  private byte[] line = new byte[1024];

  /**
   * One line read.
   *
   * @param text the decoded line (empty if oversized or invalid)
   * @param bytes the line's length in bytes (counted to the newline even when skipped)
   * @param oversized whether it was longer than the limit
   * @param badUtf8 whether its bytes were not UTF-8
   * @param noMemory whether the heap could not hold it (it was skipped to its newline like an oversized line)
   */
  record Line(String text, long bytes, boolean oversized, boolean badUtf8, boolean noMemory) {}

  /**
   * @param in the bytes (not closed)
   * @param maxBytes longest kept line, in bytes
   */
  RequestReader(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /**
   * @return the next line, or null at end of input
   * @throws IOException if reading fails
   */
  @Nullable Line next() throws IOException {
    int len = 0;
    long total = 0;
    boolean oversized = false;
    boolean noMemory = false;
    boolean any = false;
    while (true) {
      if (pos == end) {
        end = in.read(buf, 0, buf.length);
        pos = 0;
        if (end <= 0) {
          end = 0;
          if (!any) {
            return null;
          }
          break;
        }
      }
      any = true;
      int start = pos;
      int nl = -1;
      for (int k = pos; k < end; k++) {
        if (buf[k] == '\n') {
          nl = k;
          break;
        }
      }
      int stop = nl < 0 ? end : nl;
      int chunk = stop - start;
      total += chunk;
      if (!oversized) {
        if (total > maxBytes) {
          oversized = true;
          line = new byte[1024]; // release a large buffer
          len = 0;
        } else {
          if (len + chunk > line.length) {
            try {
              line = Arrays.copyOf(line, (int) Math.min(maxBytes, Math.max(2L * line.length, len + chunk)));
            } catch (OutOfMemoryError e) {
              // keep the reader in step with the input: skip the rest of this line and report it
              line = new byte[1024];
              len = 0;
              oversized = true;
              noMemory = true;
              pos = start;
              total -= chunk;
              continue;
            }
          }
          System.arraycopy(buf, start, line, len, chunk);
          len += chunk;
        }
      }
      pos = nl < 0 ? end : nl + 1;
      if (nl >= 0) {
        break;
      }
    }
    if (oversized) {
      return new Line("", total, !noMemory, false, noMemory);
    }
    if (len > 0 && line[len - 1] == '\r') {
      len--;
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line, 0, len)).toString();
    } catch (CharacterCodingException e) {
      return new Line("", total, false, true, false);
    }
    if (line.length > 1024 * 1024) {
      line = new byte[1024]; // do not keep a large buffer between requests
    }
    return new Line(text, total, false, false, false);
  }
}
