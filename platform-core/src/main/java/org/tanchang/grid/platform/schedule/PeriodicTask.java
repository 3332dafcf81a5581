package org.tanchang.grid.platform.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Work repeated on a daemon thread of its own, with a fixed delay between runs, for the platform's background
 * measurements (consumer lag, business counts, audit verification). Not Spring's scheduler: each must keep running
 * when another is slow, and each starts and stops with its owner's lifecycle. The work must not throw.
 */
public final class PeriodicTask {

    private final String threadName;
    private volatile ScheduledExecutorService executor;

    public PeriodicTask(String threadName) {
        this.threadName = threadName;
    }

    public void start(Duration initialDelay, Duration interval, Runnable work) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(work, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = scheduler;
    }

    /** Interrupts the run in progress and waits up to {@code grace} for it to end. */
    public void stop(Duration grace) {
        ScheduledExecutorService scheduler = executor;
        executor = null;
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return executor != null;
    }
}
