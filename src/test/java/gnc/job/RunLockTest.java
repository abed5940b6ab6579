package gnc.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gnc.spec.SpecException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock's own failure cases (RunFaultsTest has those of whole runs). */
class RunLockTest {
    @TempDir
    java.nio.file.Path dir;

    /** A local file system on which new files are created but cannot be written: a full disk. */
    static final class FullDisk extends RawLocalFileSystem {
        @Override
        public URI getUri() {
            return URI.create("fulldisk:///");
        }

        @Override
        public String getScheme() {
            return "fulldisk";
        }

        @Override
        public FSDataOutputStream create(Path f, boolean overwrite) throws IOException {
            FSDataOutputStream created = super.create(f, overwrite);
            return new FSDataOutputStream(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    throw new IOException("No space left on device");
                }

                @Override
                public void close() throws IOException {
                    created.close();
                }
            }, null);
        }
    }

    @Test
    void aLockThatCannotBeWrittenIsRemovedAgain() throws IOException {
        FileSystem fs = new FullDisk();
        fs.initialize(URI.create("fulldisk:///"), new Configuration());
        IOException e = assertThrows(IOException.class,
                () -> RunLock.acquire(fs, new Path("fulldisk://" + dir), dir.toString(), w -> { }));
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertFalse(Files.exists(dir.resolve(RunLock.NAME)), "no empty lock left to block the next run");
    }

    @Test
    void anEmptyLockIsARunThatHasJustStartedUntilItGoesStale() throws IOException {
        Files.writeString(dir.resolve(RunLock.NAME), "");
        FileSystem fs = FileSystem.getLocal(new Configuration());
        SpecException e = assertThrows(SpecException.class,
                () -> RunLock.acquire(fs, new Path(dir.toUri()), dir.toString(), w -> { }));
        assertTrue(e.getMessage().contains("(owner unreadable, last seen "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
