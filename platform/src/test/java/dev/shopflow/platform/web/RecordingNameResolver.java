package dev.shopflow.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The test JVM's name resolver (registered in {@code META-INF/services}): it records every host name looked up and
 * answers {@value #HEX_NAME} — a name made of hexadecimal letters only — with {@code 192.0.2.1}, so that a parser
 * that looks names up is caught whether or not the machine has DNS. Every other name goes to the JDK's resolver.
 */
public final class RecordingNameResolver extends InetAddressResolverProvider {

    static final String HEX_NAME = "be.ef.ca.fe";

    // Per thread: other tests in the same JVM (brokers, clients) look names such as localhost up on threads of
    // their own, and a parse happens on the thread that calls it.
    private static final ThreadLocal<Set<String>> LOOKED_UP = ThreadLocal.withInitial(HashSet::new);

    /** Forgets what the calling thread looked up before (earlier tests on the same thread look localhost up). */
    static void forget() {
        LOOKED_UP.get().clear();
    }

    /** The host names looked up on the calling thread since {@link #forget()}. */
    static Set<String> lookedUp() {
        return Set.copyOf(LOOKED_UP.get());
    }

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                LOOKED_UP.get().add(host);
                if (HEX_NAME.equalsIgnoreCase(host)) {
                    return Stream.of(InetAddress.getByAddress(host, new byte[] {(byte) 192, 0, 2, 1}));
                }
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return builtin.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "shopflow-test-recording";
    }
}
