package gnc.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a whole input file with a size limit: a file that is not what it should be (/dev/zero, a
 * log, a data dump) is refused in one line instead of exhausting memory. The limit is checked by
 * reading, not by the size the file system reports, which is 0 for devices and pipes.
 */
final class FileBytes {
    /** Specs and authors' configs are a few kB. */
    static final int MAX_SPEC_BYTES = 1 << 20;
    /**
     * Problem files: 256 MiB holds, e.g., 8 instances of the largest shape (32 x 32, 1023
     * measurements and a test basis) as JSON or CSV; their parsed form needs a few times that.
     */
    static final int MAX_PROBLEM_FILE_BYTES = 256 << 20;

    private FileBytes() {
    }

    /**
     * The bytes of file; a SpecException "cannot read WHAT FILE: it is larger than ..." when it
     * holds more than limit bytes.
     */
    static byte[] read(Path file, int limit, String what) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(limit + 1);
        }
        if (bytes.length > limit) {
            throw new SpecException("cannot read " + what + " " + file + ": it is larger than " + (limit >> 20)
                    + " MiB, the most a " + what + " may hold");
        }
        return bytes;
    }

    /** The file as UTF-8 text (malformed UTF-8 is an IOException, as Files.readString has it). */
    static String readText(Path file, int limit, String what) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(read(file, limit, what))).toString();
    }
}
