package dev.shopflow.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import dev.shopflow.auth.AuthProperties.ConfiguredKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/** RSA keys to and from PEM text: PKCS#8 private keys, X.509 public keys. */
final class PemKeys {

    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private PemKeys() {
    }

    /** The configured keys, first (signing) key first; an empty list when none are configured. */
    static List<RSAKey> fromConfiguration(List<ConfiguredKey> keys) {
        List<RSAKey> parsed = keys.stream().map(key -> keyPair(key.id(), key.privateKey(), key.publicKey())).toList();
        if (!parsed.isEmpty() && !parsed.getFirst().isPrivate()) {
            throw new IllegalArgumentException("shopflow.auth.signing-keys[0] (" + parsed.getFirst().getKeyID()
                    + ") must have a private key: the first configured key signs the tokens");
        }
        return parsed;
    }

    /** A key from its PEM halves; the public half is derived from the private one when missing. */
    static RSAKey keyPair(String kid, String privatePem, String publicPem) {
        boolean hasPrivate = privatePem != null && !privatePem.isBlank();
        boolean hasPublic = publicPem != null && !publicPem.isBlank();
        if (!hasPrivate && !hasPublic) {
            throw new IllegalArgumentException("Signing key " + kid + " has neither a private nor a public key");
        }
        try {
            var factory = KeyFactory.getInstance("RSA");
            RSAPrivateKey privateKey = hasPrivate
                    ? (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(decode(privatePem, PRIVATE, kid)))
                    : null;
            RSAPublicKey publicKey = hasPublic
                    ? (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(decode(publicPem, PUBLIC, kid)))
                    : derivePublic(factory, privateKey, kid);
            var builder = new RSAKey.Builder(publicKey).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
            if (privateKey != null) {
                builder.privateKey(privateKey);
            }
            return builder.build();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Signing key " + kid + " is not a readable RSA key: " + e.getMessage(), e);
        }
    }

    static String privatePem(RSAKey key) {
        try {
            return pem(PRIVATE, key.toPrivateKey().getEncoded());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String publicPem(RSAKey key) {
        try {
            return pem(PUBLIC, key.toPublicKey().getEncoded());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAPublicKey derivePublic(KeyFactory factory, RSAPrivateKey privateKey, String kid)
            throws GeneralSecurityException {
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("Signing key " + kid + ": give its public key too");
        }
        return (RSAPublicKey) factory.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
    }

    private static byte[] decode(String pem, String type, String kid) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        String text = pem.replace("\\n", "\n").strip();
        if (!text.startsWith(begin) || !text.endsWith(end)) {
            throw new IllegalArgumentException("expected PEM text between '" + begin + "' and '" + end + "'"
                    + (type.equals(PRIVATE) ? " (PKCS#8: convert with `openssl pkcs8 -topk8 -nocrypt`)" : ""));
        }
        String base64 = text.substring(begin.length(), text.length() - end.length()).replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
