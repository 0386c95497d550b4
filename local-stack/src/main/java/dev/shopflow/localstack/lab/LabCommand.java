package dev.shopflow.localstack.lab;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code ./shopflow lab}: lists the fault labs of docs/labs/, and {@code ./shopflow lab check N} tells a learner
 * whether the running stack shows what lab N is about — one {@code PASS} line per piece of evidence found, one
 * {@code FAIL} line for each missing, saying what to do, and a verdict. It reads the services' databases, topics and
 * metrics and never writes. Exit code 0 when every piece was found, 1 when one is missing.
 */
public final class LabCommand {

    /** The labs, in the order a learner takes them. */
    static final List<LabCheck> LABS = List.of(
            new OneOrderThroughTheSaga(),
            new PaymentOutageTimesOut(),
            new PoisonEventDeadLettered(),
            new OutboxDeliversOnce(),
            new InboxAppliesOnce(),
            new DeclinedCardCompensated(),
            new GatewayFailsFastAndLimits());

    static final String USAGE = "Usage: ./shopflow lab [list]      the labs, in order\n"
            + "       ./shopflow lab check N   did the running stack show what lab N is about? (1-" + LABS.size() + ")\n";

    private final PrintStream out;

    public LabCommand(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs one {@code lab} command.
     *
     * @param stack the running stack; empty (having said why) when there is none
     * @return 0 passed (or listed), 1 failed, 2 bad arguments, 3 no stack to check
     */
    public int run(List<String> args, Supplier<Optional<LabStack>> stack) {
        if (args.isEmpty() || args.equals(List.of("list"))) {
            out.println("The labs (docs/labs/README.md), each checked with ./shopflow lab check N:");
            LABS.forEach(lab -> out.printf("  %d  %-75s %s%n", lab.number(), lab.title(), lab.page()));
            return 0;
        }
        if (args.size() != 2 || !args.getFirst().equals("check")) {
            out.print(USAGE);
            return 2;
        }
        var lab = LABS.stream().filter(candidate -> String.valueOf(candidate.number()).equals(args.get(1))).findFirst();
        if (lab.isEmpty()) {
            out.println("There is no lab " + args.get(1) + ".");
            out.print(USAGE);
            return 2;
        }
        var running = stack.get();
        if (running.isEmpty()) {
            return 3;
        }
        return check(lab.get(), running.get());
    }

    private int check(LabCheck lab, LabStack stack) {
        out.println("Lab " + lab.number() + " — " + lab.title() + "  (" + lab.page() + ")");
        List<Finding> findings;
        try (var evidence = new LabEvidence(stack)) {
            findings = lab.check(evidence);
        } catch (Exception e) {
            findings = List.of(Finding.fail("could not look: " + (e.getMessage() == null ? e.toString() : e.getMessage())));
        }
        for (Finding finding : findings) {
            out.printf("  %-4s  %s%n", finding.kind(), finding.text());
        }
        long failed = findings.stream().filter(Finding::failed).count();
        if (failed == 0) {
            out.println("PASS: lab " + lab.number() + " — you saw it.");
            return 0;
        }
        out.println("FAIL: lab " + lab.number() + " — " + failed + " thing(s) missing (the FAIL lines above); follow the"
                + " steps of " + lab.page() + " and check again.");
        return 1;
    }
}
