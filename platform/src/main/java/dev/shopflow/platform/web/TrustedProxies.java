package dev.shopflow.platform.web;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-For} a service believes: a list of addresses ({@code 127.0.0.1}, {@code ::1})
 * and networks in CIDR notation ({@code 10.0.0.0/8}). Only literal addresses are accepted, never host names: a
 * name would be looked up in DNS, and a trust decision must not depend on what a name server answers.
 */
public final class TrustedProxies {

    /** One part of an IPv4 literal: one to three decimal digits (the value is checked separately). */
    private static final Pattern DECIMAL_OCTET = Pattern.compile("[0-9]{1,3}");

    /** What an IPv6 literal is made of: hexadecimal digits and colons, and dots for an embedded IPv4 address. */
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]+");

    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Network> networks;

    private TrustedProxies(List<Network> networks) {
        this.networks = networks;
    }

    /** Trusts no proxy: every request's client is its TCP peer. */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * Parses addresses and CIDR networks.
     *
     * @throws IllegalArgumentException naming the entry that is not an address or network
     */
    public static TrustedProxies of(List<String> entries) {
        return new TrustedProxies(entries.stream().map(String::trim).filter(entry -> !entry.isEmpty())
                .map(Network::parse).toList());
    }

    /** Whether the address is one of the trusted proxies. */
    public boolean trusts(InetAddress address) {
        return address != null && networks.stream().anyMatch(network -> network.contains(address));
    }

    /** Whether no proxy is trusted. */
    public boolean isEmpty() {
        return networks.isEmpty();
    }

    /**
     * An address literal as an {@link InetAddress}, or {@code null} when the text is not one: IPv4 as exactly four
     * decimal parts 0-255, IPv6 with at least one colon and nothing but hexadecimal digits, colons and dots (for an
     * embedded IPv4 address), either optionally in brackets. Never a name lookup: this runs on the event loop for
     * every {@code X-Forwarded-For} entry, and {@code be.ef.ca.fe} is a host name to {@link InetAddress#getByName}.
     */
    static InetAddress parseLiteral(String text) {
        String candidate = text.trim();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        if (candidate.contains(":")) {
            return parseIpv6(candidate);
        }
        byte[] ipv4 = ipv4Bytes(candidate);
        if (ipv4 == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(ipv4);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] ipv4Bytes(String candidate) {
        String[] parts = candidate.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!DECIMAL_OCTET.matcher(parts[i]).matches()) {
                return null;
            }
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    private static InetAddress parseIpv6(String candidate) {
        if (!IPV6_CHARACTERS.matcher(candidate).matches()) {
            return null;
        }
        try {
            // In brackets the JDK parses the text as an IPv6 literal or refuses it; it never looks it up as a name.
            return InetAddress.getByName("[" + candidate + "]");
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return networks.toString();
    }

    private record Network(InetAddress base, int prefixLength, String text) {

        static Network parse(String entry) {
            int slash = entry.indexOf('/');
            InetAddress base = parseLiteral(slash < 0 ? entry : entry.substring(0, slash));
            if (base == null) {
                throw new IllegalArgumentException("'" + entry + "' is not an IP address or a CIDR network"
                        + " (such as 127.0.0.1, ::1 or 10.0.0.0/8)");
            }
            int bits = base.getAddress().length * 8;
            int prefixLength = bits;
            if (slash >= 0) {
                try {
                    prefixLength = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefixLength = -1;
                }
                if (prefixLength < 0 || prefixLength > bits) {
                    throw new IllegalArgumentException("'" + entry + "' has a prefix length outside 0-" + bits);
                }
            }
            return new Network(base, prefixLength, entry);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            byte[] network = base.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int shift = network.length * 8 - prefixLength;
            return new BigInteger(1, candidate).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
