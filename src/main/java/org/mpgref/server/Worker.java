package org.mpgref.server;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.mpgref.limits.Limits;

/**
 * The one thread that computes the server's requests, one at a time (so answers stay in request order). The server
 * enforces a request's time limit by {@linkplain #interrupt() interrupting} this thread (long core loops call
 * {@code Cancellation.check()} and throw {@code CancelledException}); a worker whose request does not stop within the
 * grace period is {@linkplain #retire() retired}: it ends after that request, whose result is ignored, and the server
 * continues on a fresh worker. Every request runs with its {@link Limits} installed on this thread. Errors of every
 * kind, {@link OutOfMemoryError} included, complete the request's future exceptionally; by then the request's stack
 * frames, and with them its references, are gone.
 */
final class Worker {
  private final Thread thread;
  private final Jobs jobs = new Jobs();

  /** The queue and the retirement flag, shared with the thread. */
  private static final class Jobs {
    final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    volatile boolean retired;
  }

  /**
   * Starts a daemon worker thread.
   *
   * @param number a number for the thread's name
   */
  Worker(int number) {
    Jobs j = jobs;
    thread = new Thread(() -> loop(j), "mpgref-serve-worker-" + number);
    thread.setDaemon(true);
    thread.start();
  }

  private static void loop(Jobs jobs) {
    while (!(jobs.retired && jobs.queue.isEmpty())) {
      Runnable job;
      try {
        job = jobs.queue.take();
      } catch (InterruptedException e) {
        continue; // a late interrupt of a request that had already finished, or retirement
      }
      Thread.interrupted(); // clear a late interrupt before the next request
      job.run();
    }
  }

  /**
   * Runs a computation on the worker with limits installed.
   *
   * @param limits the request's limits
   * @param work the computation
   * @param <T> its result
   * @return a future completed with the result or with whatever the computation threw
   */
  @SuppressWarnings("try") // the scope only installs the limits
  <T> CompletableFuture<T> submit(Limits limits, Callable<T> work) {
    CompletableFuture<T> f = new CompletableFuture<>();
    jobs.queue.add(() -> {
      try (Limits.Scope scope = limits.install()) {
        f.complete(work.call());
      } catch (Throwable t) { // OutOfMemoryError and StackOverflowError included: the server keeps serving
        f.completeExceptionally(t);
      }
    });
    return f;
  }

  /** Interrupts the current request (its computation throws {@code CancelledException} at its next check). */
  void interrupt() {
    thread.interrupt();
  }

  /** Lets the thread end after its current request; its result is no longer awaited. */
  void retire() {
    jobs.retired = true;
    thread.interrupt();
  }

  /**
   * @return whether the thread still runs
   */
  boolean alive() {
    return thread.isAlive();
  }
}
