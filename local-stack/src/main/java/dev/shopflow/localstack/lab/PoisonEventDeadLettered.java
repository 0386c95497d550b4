package dev.shopflow.localstack.lab;

import dev.shopflow.localstack.events.EventsCommand;
import dev.shopflow.localstack.events.TopicRecords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lab 3: a record a consumer could not apply went to its topic's dead-letter topic, and an administrator replayed it
 * to the original topic through the dead-letter API.
 */
final class PoisonEventDeadLettered implements LabCheck {

    @Override
    public int number() {
        return 3;
    }

    @Override
    public String title() {
        return "A poison event goes to the dead-letter topic and is replayed";
    }

    @Override
    public String page() {
        return "docs/labs/03-poison-event-and-replay.md";
    }

    @Override
    public List<Finding> check(LabEvidence evidence) {
        var findings = new ArrayList<Finding>();
        var deadLetters = new ArrayList<TopicRecords.Record>();
        for (String topic : EventsCommand.SAGA_TOPICS) {
            deadLetters.addAll(evidence.records(topic + ".dlt"));
        }
        if (deadLetters.isEmpty()) {
            findings.add(Finding.fail("no dead letter on " + String.join(".dlt, ", EventsCommand.SAGA_TOPICS)
                    + ".dlt: publish the poison record (step 1)"));
            return findings;
        }
        // The one to talk about: a replayed one if there is one, else the newest.
        deadLetters.sort(Comparator.comparing(TopicRecords.Record::time).reversed());
        final TopicRecords.Record chosen = deadLetters.stream().filter(deadLetter -> onOriginalTopic(evidence, deadLetter) > 1)
                .findFirst().orElse(deadLetters.getFirst());
        long copies = onOriginalTopic(evidence, chosen);
        findings.add(Finding.pass("a dead letter at " + chosen.place() + ": " + chosen.header("ce_type").orElse("a record without a type")
                + (chosen.keyText() == null ? "" : ", key " + chosen.keyText())
                + ", not applied by " + chosen.header("kafka_dlt-original-consumer-group").orElse("?") + " ("
                + chosen.header("kafka_dlt-exception-cause-fqcn").or(() -> chosen.header("kafka_dlt-exception-fqcn"))
                        .map(name -> name.substring(name.lastIndexOf('.') + 1)).orElse("?")
                + ": " + reason(chosen.header("kafka_dlt-exception-message").orElse("no message")) + ")"));
        if (copies > 1) {
            findings.add(Finding.pass("it was replayed: " + originalTopic(chosen) + " holds the record " + copies
                    + " times (the original and " + (copies - 1) + " replay(s))"));
            long deadAgain = deadLetters.stream().filter(other -> other.sameEventAs(chosen)).count();
            if (deadAgain > 1) {
                findings.add(Finding.note("the replay was dead-lettered again (" + deadAgain + " dead letters of it): a record"
                        + " that can never be read stays poison; replay is for a record whose cause is gone"));
            }
        } else {
            findings.add(Finding.fail("it has not been replayed: POST the replay through the dead-letter API with an"
                    + " administrator's token (step 4)"));
        }
        return findings;
    }

    /** The listener's own message, without the container's "Listener method '…' threw exception; " before it. */
    private static String reason(String message) {
        int cause = message.lastIndexOf("; ");
        return cause < 0 ? message : message.substring(cause + 2);
    }

    private static String originalTopic(TopicRecords.Record deadLetter) {
        return deadLetter.header("kafka_dlt-original-topic")
                .orElse(deadLetter.topic().substring(0, deadLetter.topic().length() - ".dlt".length()));
    }

    private static long onOriginalTopic(LabEvidence evidence, TopicRecords.Record deadLetter) {
        return evidence.records(originalTopic(deadLetter)).stream().filter(record -> record.sameEventAs(deadLetter)).count();
    }
}
