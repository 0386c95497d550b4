package dev.shopflow.deploy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Whether a connection is allowed under a namespace's NetworkPolicies, by the API's rules: a pod that no policy of a
 * direction selects is open in that direction; a selected pod lets through only what one of the selecting policies'
 * rules allows; a connection between two pods needs the source's egress and the destination's ingress. Only what the
 * manifests use is modelled (TCP and UDP, numbered and named ports, IPv4 blocks).
 */
final class NetworkReach {

    /** Something that opens or accepts a connection. */
    sealed interface Endpoint permits Pod, Address {
    }

    /**
     * A pod: its labels, its namespace's labels, its named ports, and whether it is in the policies' namespace.
     *
     * @param address an address for ipBlock rules (pods' addresses are in the pod network)
     */
    record Pod(String description, Map<String, String> labels, String namespace, Map<String, String> namespaceLabels,
            Map<String, Integer> ports, String address) implements Endpoint {
    }

    /** An address outside the cluster's pods (the internet, a managed service in the VPC). */
    record Address(String address) implements Endpoint {
    }

    private final String namespace;
    private final List<NetworkPolicy> policies;

    NetworkReach(String namespace, List<NetworkPolicy> policies) {
        this.namespace = namespace;
        this.policies = policies;
    }

    /** Whether {@code from} may open a connection to {@code to} on {@code port} ({@code protocol} TCP or UDP). */
    boolean allows(Endpoint from, Endpoint to, int port, String protocol) {
        return egressAllowed(from, to, port, protocol) && ingressAllowed(from, to, port, protocol);
    }

    boolean allows(Endpoint from, Endpoint to, int port) {
        return allows(from, to, port, "TCP");
    }

    private boolean egressAllowed(Endpoint from, Endpoint to, int port, String protocol) {
        if (!(from instanceof Pod source) || !namespace.equals(source.namespace())) {
            return true; // another namespace's policies are not ours to check
        }
        var selecting = policies.stream().filter(policy -> selects(policy, source, "Egress")).toList();
        return selecting.isEmpty() || selecting.stream()
                .flatMap(policy -> policy.getSpec().getEgress().stream())
                .anyMatch(rule -> peersMatch(rule.getTo(), to) && portsMatch(rule.getPorts(), to, port, protocol));
    }

    private boolean ingressAllowed(Endpoint from, Endpoint to, int port, String protocol) {
        if (!(to instanceof Pod destination) || !namespace.equals(destination.namespace())) {
            return true;
        }
        var selecting = policies.stream().filter(policy -> selects(policy, destination, "Ingress")).toList();
        return selecting.isEmpty() || selecting.stream()
                .flatMap(policy -> policy.getSpec().getIngress().stream())
                .anyMatch(rule -> peersMatch(rule.getFrom(), from) && portsMatch(rule.getPorts(), to, port, protocol));
    }

    private static boolean selects(NetworkPolicy policy, Pod pod, String direction) {
        var types = policy.getSpec().getPolicyTypes();
        boolean applies = types == null || types.isEmpty()
                ? direction.equals("Ingress") || !policy.getSpec().getEgress().isEmpty()
                : types.contains(direction);
        return applies && matches(policy.getSpec().getPodSelector(), pod.labels());
    }

    private boolean peersMatch(List<NetworkPolicyPeer> peers, Endpoint endpoint) {
        return peers == null || peers.isEmpty() || peers.stream().anyMatch(peer -> peerMatches(peer, endpoint));
    }

    private boolean peerMatches(NetworkPolicyPeer peer, Endpoint endpoint) {
        if (peer.getIpBlock() != null) {
            var address = endpoint instanceof Pod pod ? pod.address() : ((Address) endpoint).address();
            return inBlock(address, peer.getIpBlock());
        }
        if (!(endpoint instanceof Pod pod)) {
            return false; // pod and namespace selectors select pods only
        }
        boolean namespaceMatches = peer.getNamespaceSelector() == null
                ? namespace.equals(pod.namespace())
                : matches(peer.getNamespaceSelector(), pod.namespaceLabels());
        boolean podMatches = peer.getPodSelector() == null || matches(peer.getPodSelector(), pod.labels());
        return namespaceMatches && podMatches;
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Endpoint to, int port, String protocol) {
        return ports == null || ports.isEmpty() || ports.stream().anyMatch(allowed -> {
            var allowedProtocol = allowed.getProtocol() == null ? "TCP" : allowed.getProtocol();
            return allowedProtocol.equals(protocol) && portMatches(allowed.getPort(), allowed.getEndPort(), to, port);
        });
    }

    private static boolean portMatches(IntOrString allowed, Integer endPort, Endpoint to, int port) {
        if (allowed == null) {
            return true;
        }
        if (allowed.getIntVal() != null) {
            return endPort == null ? allowed.getIntVal() == port : allowed.getIntVal() <= port && port <= endPort;
        }
        return to instanceof Pod pod && Objects.equals(pod.ports().get(allowed.getStrVal()), port);
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null
                && !selector.getMatchLabels().entrySet().stream()
                .allMatch(label -> label.getValue().equals(labels.get(label.getKey())))) {
            return false;
        }
        return selector.getMatchExpressions() == null || selector.getMatchExpressions().stream().allMatch(expression -> {
            var value = labels.get(expression.getKey());
            return switch (expression.getOperator()) {
                case "In" -> value != null && expression.getValues().contains(value);
                case "NotIn" -> value == null || !expression.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("operator " + expression.getOperator());
            };
        });
    }

    private static boolean inBlock(String address, IPBlock block) {
        return address != null && inCidr(address, block.getCidr())
                && (block.getExcept() == null || block.getExcept().stream().noneMatch(except -> inCidr(address, except)));
    }

    static boolean inCidr(String address, String cidr) {
        var parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        var mask = bits == 0 ? BigInteger.ZERO : BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE)
                .shiftRight(32 - bits).shiftLeft(32 - bits);
        return number(address).and(mask).equals(number(parts[0]).and(mask));
    }

    private static BigInteger number(String address) {
        try {
            return new BigInteger(1, InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
