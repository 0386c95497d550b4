package dev.shopflow.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The ways a call from the gateway to a service fails, as the errors on the gateway's side show them. */
enum UpstreamFailure {

    /** The route's circuit is open: the gateway did not even try. */
    CIRCUIT_OPEN(HttpStatus.SERVICE_UNAVAILABLE),
    /** The service accepted the connection but did not start answering within the time limit. */
    TIMED_OUT(HttpStatus.GATEWAY_TIMEOUT),
    /** No connection: nothing listens on the port, the host is unknown, or connecting took too long. */
    UNREACHABLE(HttpStatus.SERVICE_UNAVAILABLE),
    /** The connection broke before a whole answer came (the service crashed or reset it). */
    DROPPED(HttpStatus.BAD_GATEWAY);

    private final HttpStatus status;

    UpstreamFailure(HttpStatus status) {
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }

    /** Which failure the error is, or empty when it is not a failure of the service (a client error, a bug). */
    static Optional<UpstreamFailure> of(Throwable error) {
        if (causedBy(error, ServiceUnavailableException.class) || causedBy(error, CallNotPermittedException.class)) {
            return Optional.of(CIRCUIT_OPEN);
        }
        if (causedBy(error, java.util.concurrent.TimeoutException.class) || causedBy(error, TimeoutException.class)
                || (error instanceof ResponseStatusException status && status.getStatusCode() == HttpStatus.GATEWAY_TIMEOUT)) {
            return Optional.of(TIMED_OUT);
        }
        if (causedBy(error, ConnectException.class) || causedBy(error, UnknownHostException.class)) {
            return Optional.of(UNREACHABLE);
        }
        if (causedBy(error, IOException.class)) {
            return Optional.of(DROPPED);
        }
        return Optional.empty();
    }

    /**
     * Whether a circuit breaker counts the error against the service. A request the gateway refused itself (too
     * large, say) or an open circuit is not the service's failure.
     */
    static boolean countsAgainstService(Throwable error) {
        return of(error).filter(failure -> failure != CIRCUIT_OPEN).isPresent();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
