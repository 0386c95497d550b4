package dev.shopflow.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopflow.platform.testsupport.FreshDatabase;
import dev.shopflow.platform.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * How sign-in failure counts decay (ADR 0011), with the service's clock moved on instead of waited for: a budget is
 * whole again only after a full window with neither a failure nor a lock, so a guesser who waits out the longest
 * lock gets one attempt per lock period, not a new budget.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shopflow.auth.admin.email=Admin@Shop.Example",
        "shopflow.auth.admin.password=an admin passphrase for tests",
        "shopflow.auth.lockout.max-failures-per-account-and-address=3",
        "shopflow.auth.lockout.max-failures-per-address=50",
        "shopflow.auth.lockout.max-failures-per-account=20",
        "shopflow.auth.lockout.failure-window=15m",
        "shopflow.auth.lockout.first-lock=30s",
        "shopflow.auth.lockout.longest-lock=15m",
        "shopflow.web.trusted-proxies=127.0.0.1,::1"})
@AutoConfigureWebTestClient(timeout = "PT30S")
@ContextConfiguration(initializers = FreshDatabase.class)
class LoginThrottleDecayTest {

    private static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    private static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    private static final Duration A_SECOND = Duration.ofSeconds(1);

    @TestConfiguration(proxyBeanMethods = false)
    static class ControlledTime {

        /** Replaces the platform's system clock (ClockAutoConfiguration backs off when a Clock bean exists). */
        @Bean
        MutableClock mutableClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    @Autowired
    private WebTestClient web;

    @Autowired
    private MutableClock clock;

    @Autowired
    private LoginThrottle throttle;

    @Test
    void letsOneAttemptThroughPerLockPeriodOnceTheLockIsAtItsLongest() {
        Guesser guesser = new Guesser("203.0.113.21");
        guesser.reachesTheLongestLock();

        for (int period = 0; period < 3; period++) {
            clock.advance(LONGEST_LOCK.plus(A_SECOND));
            guesser.attemptIsChecked();
            guesser.isLockedFor(LONGEST_LOCK);
        }
    }

    @Test
    void housekeepingKeepsTheCountOfALockThatEndedLessThanAWindowAgo() {
        Guesser guesser = new Guesser("203.0.113.22");
        guesser.reachesTheLongestLock();
        clock.advance(LONGEST_LOCK.plus(A_SECOND));

        throttle.forgetExpired().block(Duration.ofSeconds(10));

        guesser.attemptIsChecked();
        guesser.isLockedFor(LONGEST_LOCK);
    }

    @Test
    void givesTheWholeBudgetBackAfterAQuietWindowFollowingTheLongestLock() {
        Guesser guesser = new Guesser("203.0.113.23");
        guesser.reachesTheLongestLock();
        clock.advance(LONGEST_LOCK.plus(FAILURE_WINDOW).plus(A_SECOND));

        assertThat(throttle.forgetExpired().block(Duration.ofSeconds(10))).isPositive();

        guesser.spendsTheBudget();
        guesser.isLockedFor(Duration.ofSeconds(30));
    }

    /** One client address guessing one email (without an account: it is throttled exactly like one with). */
    private final class Guesser {

        private final String address;
        private final String email = "target-" + UUID.randomUUID() + "@example.com";

        Guesser(String address) {
            this.address = address;
        }

        /** The budget of 3, then one attempt per lock: 30 s, 60 s, ... until the lock is the longest. */
        void reachesTheLongestLock() {
            spendsTheBudget();
            Duration lock = Duration.ofSeconds(30);
            isLockedFor(lock);
            for (Duration next : List.of(Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(240),
                    Duration.ofSeconds(480), LONGEST_LOCK)) {
                clock.advance(lock.plus(A_SECOND));
                attemptIsChecked();
                isLockedFor(next);
                lock = next;
            }
        }

        void spendsTheBudget() {
            for (int attempt = 0; attempt < 3; attempt++) {
                attemptIsChecked();
            }
        }

        void attemptIsChecked() {
            signIn().expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        void isLockedFor(Duration lock) {
            signIn().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, String.valueOf(lock.toSeconds()));
        }

        private WebTestClient.ResponseSpec signIn() {
            return web.post().uri("/api/auth/token")
                    .header("X-Forwarded-For", "10.9.9.9, " + address)
                    .bodyValue(Map.of("email", email, "password", "a guess"))
                    .exchange();
        }
    }
}
