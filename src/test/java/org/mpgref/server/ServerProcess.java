package org.mpgref.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code mpgref serve} in a child JVM ({@code java} of {@code java.home}, this test's class path, main class
 * {@code org.mpgref.cli.Main}) under a given heap, fed a list of request lines from a writer thread while the test
 * reads the response lines, so that a small heap and real process pipes are exercised.
 */
final class ServerProcess {
  /** What one session produced. */
  record Session(List<String> responses, List<String> stderr, int exitCode) {}

  private ServerProcess() {}

  /**
   * Runs one session to its end (the last request should be a shutdown).
   *
   * @param heap the -Xmx value, e.g. {@code 256m}
   * @param serveArgs options of {@code serve}
   * @param requests the request lines (without newlines)
   * @return responses, stderr lines, exit code
   * @throws Exception if the process cannot be run or does not end within 120 s
   */
  static Session run(String heap, List<String> serveArgs, List<String> requests) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + heap);
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.mpgref.cli.Main");
    cmd.add("serve");
    cmd.addAll(serveArgs);
    Process p = new ProcessBuilder(cmd).start();
    Thread writer = new Thread(() -> {
      try (OutputStream in = p.getOutputStream()) {
        for (String r : requests) {
          in.write(r.getBytes(StandardCharsets.UTF_8));
          in.write('\n');
        }
      } catch (IOException e) {
        // the server stopped reading (shutdown): nothing more to send
      }
    }, "server-test-writer");
    writer.setDaemon(true);
    writer.start();
    List<String> err = new ArrayList<>();
    Thread errReader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
        String l;
        while ((l = r.readLine()) != null) {
          synchronized (err) {
            err.add(l);
          }
        }
      } catch (IOException e) {
        // process ended
      }
    }, "server-test-stderr");
    errReader.setDaemon(true);
    errReader.start();
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String l;
      while ((l = r.readLine()) != null) {
        out.add(l);
      }
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the server did not end");
    }
    errReader.join(10_000);
    synchronized (err) {
      return new Session(out, new ArrayList<>(err), p.exitValue());
    }
  }
}
