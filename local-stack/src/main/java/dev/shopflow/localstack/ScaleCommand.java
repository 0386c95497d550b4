package dev.shopflow.localstack;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * {@code ./shopflow scale SERVICE COUNT}: runs that many instances of a service in the running stack, starting the
 * missing ones ({@code order-service-2} on 8183 ...: see {@link ServiceInstance}) and stopping, gracefully, those
 * numbered above the count. The first instance is never stopped here ({@code kill} and {@code restart} are for it).
 */
final class ScaleCommand {

    static final String USAGE = "Usage: ./shopflow scale SERVICE COUNT   (such as ./shopflow scale order-service 2; COUNT 1 to "
            + ServiceInstance.MAX + ")";

    private final StackSettings settings;
    private final PrintStream out;

    ScaleCommand(StackSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** @return 0 done, 1 the stack is not running or an instance did not start, 2 bad arguments */
    int run(List<String> args) {
        if (args.size() != 2) {
            out.println(USAGE);
            return 2;
        }
        Optional<ServiceSpec> found = ServiceSpec.named(args.getFirst());
        if (found.isEmpty()) {
            out.println("No service called " + args.getFirst() + ". Services: " + ServiceSpec.names());
            return 2;
        }
        ServiceSpec service = found.get();
        int count;
        try {
            count = InstanceCounts.count(service, args.get(1));
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(USAGE);
            return 2;
        }
        if (Supervisor.running(settings).isEmpty()) {
            out.println("Shopflow is not running; ./shopflow up -d --instances " + service.name() + "=" + count
                    + " starts it with " + count + " instance" + (count == 1 ? "" : "s") + " of " + service.name() + ".");
            return 1;
        }
        var state = Supervisor.state(settings).orElse(Supervisor.State.STARTING);
        if (state != Supervisor.State.READY) {
            out.println("Shopflow is " + state.name().toLowerCase() + "; scale a service once it is ready.");
            return 1;
        }
        var services = new Services(settings);
        var extras = new ExtraInstances(settings, services, out::println);
        List<ServiceInstance> current = extras.of(service);
        List<ServiceInstance> surplus = current.stream().filter(extra -> extra.number() > count).toList();
        List<ServiceInstance> missing = IntStream.rangeClosed(2, count)
                .mapToObj(number -> new ServiceInstance(service, number))
                .filter(instance -> !current.contains(instance))
                .toList();
        if (surplus.isEmpty() && missing.isEmpty()) {
            out.println(service.name() + " runs " + count + " instance" + (count == 1 ? "" : "s") + " already"
                    + " (./shopflow status shows them; ./shopflow restart " + service.name() + "-N starts one that was killed).");
            return 0;
        }
        if (!surplus.isEmpty()) {
            out.println("Stopping " + String.join(", ", surplus.stream().map(ServiceInstance::name).toList()) + " …");
            var killed = extras.stop(surplus);
            out.println(killed.isEmpty() ? "Stopped." : "Stopped; had to kill " + String.join(", ", killed) + ".");
        }
        if (!missing.isEmpty()) {
            try {
                extras.start(missing, true);
            } catch (StackFailure e) {
                out.println(e.getMessage());
                // Half a scale-up is not what was asked for: what did start is stopped again.
                extras.stop(missing);
                out.println("Stopped " + String.join(", ", missing.stream().map(ServiceInstance::name).toList())
                        + " again; ./shopflow logs " + missing.getFirst().name() + " shows what happened.");
                return 1;
            }
        }
        out.println(service.name() + " runs " + count + " instance" + (count == 1 ? "" : "s")
                + (count > 1 ? ": they share its Kafka partitions, outbox and time-out sweep; the gateway routes to the first"
                        + " (port " + settings.port(service) + ")" : "") + ".");
        return 0;
    }
}
