package dev.shopflow.platform.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that stands still until a test moves it on, so time-based rules (token expiry, key refetch floors,
 * sign-in locks) are tested without waiting. Supply it as the {@link Clock} bean to replace platform's system clock.
 */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** Moves the clock on by {@code duration}. */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The services keep time in UTC: the same clock, whatever zone is asked for. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
