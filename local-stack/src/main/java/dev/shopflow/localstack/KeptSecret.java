package dev.shopflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * A secret the launcher makes up when the user gives none, and keeps in a file of the state folder (readable by its
 * owner only) so that later starts reuse it.
 *
 * @param generatedNow whether this start made it (and so may show it once)
 */
record KeptSecret(String value, boolean generatedNow) {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The secret in {@code file}, or a new one of {@code length} random letters and digits after {@code prefix}. */
    static KeptSecret in(Path file, String prefix, int length) {
        try {
            if (Files.isRegularFile(file)) {
                return new KeptSecret(Files.readString(file, StandardCharsets.UTF_8).strip(), false);
            }
            var secret = new StringBuilder(prefix);
            for (int i = 0; i < length; i++) {
                secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            Files.createDirectories(file.getParent());
            Files.writeString(PrivateFiles.create(file), secret + "\n", StandardCharsets.UTF_8);
            return new KeptSecret(secret.toString(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep a generated secret in " + file, e);
        }
    }
}
