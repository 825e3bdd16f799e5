package org.mpgref.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.mpgref.limits.Cancellation;
import org.mpgref.limits.CancelledException;
import org.mpgref.limits.Limits;

/** The worker thread (limits installed, interruption, errors passed back, retirement) and the bounded line reader. */
class WorkerAndReaderTest {
  @Test
  void theWorkerInstallsTheRequestsLimitsAndPassesErrorsBack() throws Exception {
    Worker w = new Worker(1);
    try {
      Limits lowered = Limits.DEFAULT.withMaxWork(1234);
      assertThat(w.submit(lowered, () -> Limits.current().maxWork()).get(10, TimeUnit.SECONDS)).isEqualTo(1234L);
      assertThat(w.submit(Limits.DEFAULT, () -> Limits.current().maxWork()).get(10, TimeUnit.SECONDS))
          .isEqualTo(Limits.DEFAULT.maxWork());
      CompletableFuture<Object> oom = w.submit(Limits.DEFAULT, () -> {
        throw new OutOfMemoryError("test");
      });
      assertThatThrownBy(() -> oom.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(OutOfMemoryError.class);
      // the same thread serves the next request
      assertThat(w.submit(Limits.DEFAULT, () -> 7).get(10, TimeUnit.SECONDS)).isEqualTo(7);
    } finally {
      w.retire();
    }
  }

  @Test
  void anInterruptStopsALoopThatChecksCancellationAndTheNextRequestRunsNormally() throws Exception {
    Worker w = new Worker(2);
    try {
      CountDownLatch started = new CountDownLatch(1);
      CompletableFuture<Long> long_ = w.submit(Limits.DEFAULT, () -> {
        started.countDown();
        long k = 0;
        while (true) {
          Cancellation.check();
          k++;
        }
      });
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> long_.get(50, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
      w.interrupt();
      assertThatThrownBy(() -> long_.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(CancelledException.class);
      // the interrupt does not leak into the next request
      assertThat(w.submit(Limits.DEFAULT, () -> Thread.currentThread().isInterrupted()).get(10, TimeUnit.SECONDS))
          .isFalse();
    } finally {
      w.retire();
    }
  }

  @Test
  void aRetiredWorkerEndsAfterItsRequest() throws Exception {
    Worker w = new Worker(3);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Integer> f = w.submit(Limits.DEFAULT, () -> {
      while (release.getCount() > 0) {
        Thread.onSpinWait(); // ignores interrupts, like a computation without cancellation checks
      }
      return 1;
    });
    w.retire();
    assertThat(w.alive()).isTrue();
    release.countDown();
    assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    for (int k = 0; k < 1000 && w.alive(); k++) {
      Thread.sleep(10);
    }
    assertThat(w.alive()).isFalse();
  }

  private static List<RequestReader.Line> read(byte[] input, int max) throws Exception {
    RequestReader r = new RequestReader(new ByteArrayInputStream(input), max);
    List<RequestReader.Line> lines = new ArrayList<>();
    RequestReader.Line l;
    while ((l = r.next()) != null) {
      lines.add(l);
    }
    return lines;
  }

  @Test
  void longLinesAreSkippedToTheirNewlineAndTheNextLineIsReadNormally() throws Exception {
    String big = "x".repeat(200_000);
    byte[] in = ("{\"a\":1}\r\n" + big + "\n\n{\"b\":2}").getBytes(StandardCharsets.UTF_8);
    List<RequestReader.Line> lines = read(in, 1000);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0).text()).isEqualTo("{\"a\":1}");
    assertThat(lines.get(1).oversized()).isTrue();
    assertThat(lines.get(1).bytes()).isEqualTo(200_000);
    assertThat(lines.get(1).text()).isEmpty();
    assertThat(lines.get(2).text()).isEmpty();
    assertThat(lines.get(2).oversized()).isFalse();
    assertThat(lines.get(3).text()).isEqualTo("{\"b\":2}"); // the last line needs no newline
    // a line of exactly the limit is kept
    assertThat(read("y".repeat(1000).getBytes(StandardCharsets.UTF_8), 1000).get(0).text()).hasSize(1000);
    assertThat(read("y".repeat(1001).getBytes(StandardCharsets.UTF_8), 1000).get(0).oversized()).isTrue();
  }

  @Test
  void invalidUtf8IsReportedNotReplaced() throws Exception {
    byte[] in = {'{', '"', (byte) 0xC3, '"', '}', '\n', '{', '}', '\n'};
    List<RequestReader.Line> lines = read(in, 100);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).badUtf8()).isTrue();
    assertThat(lines.get(1).text()).isEqualTo("{}");
    assertThat(read("{\"é\":1}".getBytes(StandardCharsets.UTF_8), 100).get(0).text()).isEqualTo("{\"é\":1}");
  }
}
