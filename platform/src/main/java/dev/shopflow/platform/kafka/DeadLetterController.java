package dev.shopflow.platform.kafka;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The admin-only dead-letter API of a consuming service, at {@code shopflow.kafka.dead-letters-path}: list the
 * records this service's consumer group could not apply, replay one, or replay them all. A replay publishes the
 * record to its original topic again; the inbox applies it once, however often it is replayed.
 */
@RestController
@Tag(name = "Dead letters", description = "Events this service could not apply, for administrators to replay")
@RequestMapping("${shopflow.kafka.dead-letters-path}")
class DeadLetterController {

    private static final int MAX = 500;

    private final DeadLetters deadLetters;
    private final List<String> topics;
    private final String consumerGroup;

    DeadLetterController(DeadLetters deadLetters, List<String> topics, String consumerGroup) {
        this.deadLetters = deadLetters;
        this.topics = List.copyOf(topics);
        this.consumerGroup = consumerGroup;
    }

    record DeadLetterList(List<DeadLetter> items) {
    }

    record Replayed(int replayed, List<DeadLetter> items) {
    }

    /** Dead letters of one consumed topic, or of all of them; oldest first per partition, at most 500. */
    @GetMapping
    @Operation(operationId = "listDeadLetters", summary = "List dead letters",
            description = "Dead letters of one consumed topic, or of all of them; oldest first per partition, at "
                    + "most 500. For administrators.")
    @ApiResponse(responseCode = "200", description = "The dead letters")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "This service reads no such topic")
    Mono<DeadLetterList> list(@RequestParam(required = false) String topic) {
        List<String> chosen = topic == null ? topics : List.of(known(topic));
        return blocking(() -> new DeadLetterList(chosen.stream()
                .flatMap(name -> deadLetters.list(name, consumerGroup, MAX).stream())
                .limit(MAX)
                .toList()));
    }

    /** 200 with the replayed dead letter; 404 when this service has no dead letter there. */
    @PostMapping("/{topic}/{partition}/{offset}/replay")
    @Operation(operationId = "replayDeadLetter", summary = "Replay a dead letter",
            description = "Publishes the record to its original topic again; the inbox applies it once, however "
                    + "often it is replayed. For administrators.")
    @ApiResponse(responseCode = "200", description = "The replayed dead letter")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "This service reads no such topic, or has no dead letter there")
    Mono<DeadLetter> replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        String known = known(topic);
        return blocking(() -> deadLetters.replay(known, consumerGroup, partition, offset)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "There is no dead letter of " + consumerGroup + " at " + known + " partition " + partition
                                + ", offset " + offset + ".")));
    }

    /** Replays every dead letter of one topic (at most 500 per call). */
    @PostMapping("/replay")
    @Operation(operationId = "replayDeadLetters", summary = "Replay a topic's dead letters",
            description = "Replays every dead letter of one topic, at most 500 per call. For administrators.")
    @ApiResponse(responseCode = "200", description = "How many were replayed, and which")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "This service reads no such topic")
    Mono<Replayed> replayAll(@RequestParam String topic) {
        String known = known(topic);
        return blocking(() -> {
            var replayed = deadLetters.replayAll(known, consumerGroup, MAX);
            return new Replayed(replayed.size(), replayed);
        });
    }

    private String known(String topic) {
        if (!topics.contains(topic)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "This service reads no topic called '" + topic + "'; it reads " + String.join(", ", topics) + ".");
        }
        return topic;
    }

    /** {@link DeadLetters} uses Kafka's blocking clients: keep them off the event loop. */
    private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
