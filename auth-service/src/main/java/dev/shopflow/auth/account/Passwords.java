package dev.shopflow.auth.account;

import dev.shopflow.auth.account.domain.PasswordPolicy;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Password hashing with Spring Security's adaptive {@code DelegatingPasswordEncoder} (bcrypt today; the
 * {@code {id}} prefix lets a stronger encoder take over later without invalidating stored hashes). Hashing is
 * deliberately slow, so it runs on a few threads of its own — never on the event loop, and never more at once than
 * there are cores.
 */
public class Passwords implements AutoCloseable {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final Scheduler hashing = Schedulers.newBoundedElastic(
            Runtime.getRuntime().availableProcessors(), 10_000, "password-hashing");
    /** Compared against when the email is unknown, so that the answer takes as long as for a wrong password. */
    private final String decoy = encoder.encode(UUID.randomUUID().toString());

    public Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(hashing);
    }

    /**
     * Whether {@code password} matches {@code hash}; with no hash (an unknown account) it does the same work and
     * answers false.
     */
    public Mono<Boolean> matches(String password, String hash) {
        return Mono.fromCallable(() -> {
            // bcrypt refuses input beyond 72 bytes; such a password can never have been set (the policy forbids it).
            boolean acceptableLength = password.getBytes(StandardCharsets.UTF_8).length <= PasswordPolicy.MAX_BYTES;
            String candidate = acceptableLength ? password : password.substring(0, 8);
            boolean matches = encoder.matches(candidate, hash == null ? decoy : hash);
            return matches && hash != null && acceptableLength;
        }).subscribeOn(hashing);
    }

    @Override
    public void close() {
        hashing.dispose();
    }
}
