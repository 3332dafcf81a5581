package org.tanchang.grid.gateway;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * In-memory token buckets, one per caller; one instance per kind of caller (person, application, address). A bucket
 * holds at most {@code capacity} tokens (the burst a caller may send at once) and refills continuously at
 * {@code refillPerSecond}. Per gateway instance: with several instances a caller's budget multiplies, which is
 * acceptable for protecting the services, not for billing.
 */
final class TokenBuckets {

    /** Whether a request may pass and, if not, how long until it could. */
    record Decision(boolean allowed, Duration retryAfter) {
        static final Decision ALLOWED = new Decision(true, Duration.ZERO);
    }

    private static final class Bucket {
        double tokens;
        long updatedNanos;
    }

    private final long capacity;
    private final double refillPerNano;
    private final LongSupplier nanoClock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int maxCallers;

    TokenBuckets(long capacity, double refillPerSecond, int maxCallers, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
        this.maxCallers = maxCallers;
        this.nanoClock = nanoClock;
    }

    Decision take(String caller) {
        long now = nanoClock.getAsLong();
        if (buckets.size() >= maxCallers && !buckets.containsKey(caller)) {
            evictFull(now);   // full buckets carry no state worth keeping: a new bucket starts full anyway
        }
        Bucket bucket = buckets.computeIfAbsent(caller, k -> {
            Bucket b = new Bucket();
            b.tokens = capacity;
            b.updatedNanos = now;
            return b;
        });
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updatedNanos) * refillPerNano);
            bucket.updatedNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Decision.ALLOWED;
            }
            long wait = (long) Math.ceil((1 - bucket.tokens) / refillPerNano);
            return new Decision(false, Duration.ofNanos(wait));
        }
    }

    private void evictFull(long now) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().tokens + (now - e.getValue().updatedNanos) * refillPerNano >= capacity;
            }
        });
    }

    int callers() {
        return buckets.size();
    }
}
