package dev.rapport.gateway.sessions;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import io.smallrye.mutiny.subscription.Cancellable;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One stream's queue of session states waiting to be sent, which keeps only the newest state of an interaction while
 * the reader is behind: a state replaces the waiting state of its interaction (in that state's place in the queue)
 * unless the waiting one carries alerts, which are raised on one version only and so are never dropped. A reader that
 * falls behind therefore gets each interaction's latest state, and the queue holds at most one state per interaction
 * (plus those with alerts), whatever the rate of updates. Past {@code limit} waiting states the stream fails (as
 * before: the client reconnects and gets a snapshot).
 *
 * <p>Demand is the reader's: states are sent only as requested ({@link Flow.Subscription#request}); the source (the
 * board's broadcast) is read without waiting.
 */
final class ConflatingFeed implements Flow.Subscription {
    private final Flow.Subscriber<? super HeldSession> reader;
    private final int limit;
    private final ArrayDeque<Slot> queue = new ArrayDeque<>();
    /** interaction id → its waiting slot, while that slot may still be replaced (it carries no alerts). */
    private final Map<String, Slot> replaceable = new HashMap<>();
    private final AtomicInteger wip = new AtomicInteger();
    private long requested;
    private boolean cancelled;
    private Throwable failure;
    private boolean completed;
    private volatile Cancellable source;

    private static final class Slot {
        HeldSession state;

        Slot(HeldSession state) {
            this.state = state;
        }
    }

    private ConflatingFeed(Flow.Subscriber<? super HeldSession> reader, int limit) {
        this.reader = reader;
        this.limit = limit;
    }

    /** Each subscriber of the result gets its own queue over its own subscription to {@code source}. */
    static Multi<HeldSession> over(Multi<HeldSession> source, int limit) {
        return Multi.createFrom().publisher((Flow.Publisher<HeldSession>) reader -> {
            ConflatingFeed feed = new ConflatingFeed(reader, limit);
            reader.onSubscribe(feed);
            feed.source = source.subscribe().with(feed::offer, feed::fail, feed::complete);
            if (feed.isCancelled()) {
                feed.source.cancel();
            }
        });
    }

    void offer(HeldSession state) {
        synchronized (this) {
            if (cancelled || failure != null || completed) {
                return;
            }
            Slot waiting = replaceable.get(state.interactionId());
            if (waiting != null) {
                if (state.version() > waiting.state.version()) {
                    waiting.state = state;
                }
                if (state.head().hasAlerts()) {
                    replaceable.remove(state.interactionId());
                }
            } else if (queue.size() >= limit) {
                failure = new BackPressureFailure("The stream fell " + limit + " interactions behind");
                queue.clear();
                replaceable.clear();
            } else {
                Slot slot = new Slot(state);
                queue.add(slot);
                if (!state.head().hasAlerts()) {
                    replaceable.put(state.interactionId(), slot);
                }
            }
        }
        drain();
    }

    private void fail(Throwable error) {
        synchronized (this) {
            failure = error;
        }
        drain();
    }

    private void complete() {
        synchronized (this) {
            completed = true;
        }
        drain();
    }

    private synchronized boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            fail(new IllegalArgumentException("request must be positive, was " + n));
            return;
        }
        synchronized (this) {
            requested = requested + n < 0 ? Long.MAX_VALUE : requested + n;
        }
        drain();
    }

    @Override
    public void cancel() {
        Cancellable upstream;
        synchronized (this) {
            cancelled = true;
            queue.clear();
            replaceable.clear();
            upstream = source;
        }
        if (upstream != null) {
            upstream.cancel();
        }
    }

    /** Sends what is waiting and requested, one thread at a time (a reader's request from inside onNext included). */
    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        while (true) {
            while (true) {
                HeldSession next = null;
                Throwable error = null;
                boolean done = false;
                synchronized (this) {
                    if (cancelled) {
                        break;
                    }
                    if (failure != null) {
                        error = failure;
                        cancelled = true; // terminal: nothing more is sent
                    } else if (requested > 0 && !queue.isEmpty()) {
                        Slot slot = queue.poll();
                        replaceable.remove(slot.state.interactionId(), slot);
                        requested--;
                        next = slot.state;
                    } else if (completed && queue.isEmpty()) {
                        done = true;
                        cancelled = true;
                    } else {
                        break;
                    }
                }
                if (error != null) {
                    Cancellable upstream = source;
                    if (upstream != null) {
                        upstream.cancel();
                    }
                    reader.onError(error);
                    break;
                }
                if (done) {
                    reader.onComplete();
                    break;
                }
                reader.onNext(next);
            }
            missed = wip.addAndGet(-missed);
            if (missed == 0) {
                return;
            }
        }
    }
}
