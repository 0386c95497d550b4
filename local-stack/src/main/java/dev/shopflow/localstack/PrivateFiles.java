package dev.shopflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files only their owner may read, for what holds a secret (a password, a signing secret, a launch environment). */
final class PrivateFiles {

    private PrivateFiles() {
    }

    /**
     * Creates {@code file} anew, readable and writable by its owner only from the moment it exists (so no other
     * user can open it before its permissions are set). On file systems without POSIX permissions (Windows) it is a
     * plain file in the user's own folder.
     */
    static Path create(Path file) throws IOException {
        Files.deleteIfExists(file);
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createFile(file);
        }
    }
}
