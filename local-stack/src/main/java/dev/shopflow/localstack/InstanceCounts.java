package dev.shopflow.localstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How many instances of each service {@code ./shopflow up --instances} runs, such as
 * {@code order-service=2,payment-service=2} ({@code order=2} works too). A service not named runs one.
 *
 * @param counts the number of instances of each service named, each 1 to {@value ServiceInstance#MAX}
 */
record InstanceCounts(Map<ServiceSpec, Integer> counts) {

    /** One instance of every service: {@code up} without {@code --instances}. */
    static final InstanceCounts ONE_EACH = new InstanceCounts(Map.of());

    /** The option of {@code up} (and of the launcher process it starts) that carries the counts. */
    static final String OPTION = "--instances";

    InstanceCounts {
        counts = Map.copyOf(counts);
    }

    /**
     * Reads {@code SERVICE=COUNT[,SERVICE=COUNT...]}.
     *
     * @throws IllegalArgumentException saying what is wrong: not {@code SERVICE=COUNT}, an unknown service, the
     *                                  gateway, a count out of range, a service named twice
     */
    static InstanceCounts parse(String text) {
        var counts = new LinkedHashMap<ServiceSpec, Integer>();
        for (String part : text.split(",", -1)) {
            String[] pair = part.trim().split("=", -1);
            if (pair.length != 2 || pair[0].isBlank() || pair[1].isBlank()) {
                throw new IllegalArgumentException("Expected SERVICE=COUNT, such as order-service=2, not '" + part.trim() + "'.");
            }
            ServiceSpec service = ServiceSpec.named(pair[0].trim()).orElseThrow(() -> new IllegalArgumentException(
                    "No service called " + pair[0].trim() + ". Services: " + ServiceSpec.names()));
            int count = count(service, pair[1].trim());
            if (counts.put(service, count) != null) {
                throw new IllegalArgumentException(service.name() + " is named twice.");
            }
        }
        return new InstanceCounts(counts);
    }

    /**
     * A number of instances for the service, as a user wrote it.
     *
     * @throws IllegalArgumentException when it is not a whole number from 1 to {@value ServiceInstance#MAX}, or the
     *                                  service is the gateway and the number is not 1
     */
    static int count(ServiceSpec service, String text) {
        int count;
        try {
            count = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > ServiceInstance.MAX) {
            throw new IllegalArgumentException("The number of instances of " + service.name() + " must be a whole number from 1 to "
                    + ServiceInstance.MAX + ", not '" + text + "'.");
        }
        if (count > 1 && !ServiceInstance.scalable(service)) {
            throw new IllegalArgumentException("The gateway runs one instance: it is the stack's one entry. Services that can"
                    + " run more: " + String.join(", ", ServiceSpec.ALL.stream().filter(ServiceInstance::scalable)
                            .map(ServiceSpec::name).toList()) + ".");
        }
        return count;
    }

    /** How many instances of the service run. */
    int of(ServiceSpec service) {
        return counts.getOrDefault(service, 1);
    }

    /** The instances beyond each service's first, in the order of {@link ServiceSpec#ALL}, then by number. */
    List<ServiceInstance> extras() {
        var extras = new ArrayList<ServiceInstance>();
        for (ServiceSpec service : ServiceSpec.ALL) {
            for (int number = 2; number <= of(service); number++) {
                extras.add(new ServiceInstance(service, number));
            }
        }
        return List.copyOf(extras);
    }

    /** As {@link #parse} reads it: {@code order-service=2,payment-service=2}; empty for one of each. */
    @Override
    public String toString() {
        return ServiceSpec.ALL.stream().filter(counts::containsKey)
                .map(service -> service.name() + "=" + counts.get(service))
                .collect(Collectors.joining(","));
    }
}
