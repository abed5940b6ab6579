package gnc.bench;

import gnc.kernel.SamplerKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * One bench measurement in a fresh JVM. A JVM that has run other configurations carries the
 * JIT's profile of them (call sites seen with several samplers, activations, widths), which was
 * measured to slow some later configurations by up to 30%; each figure gets a JVM of its own, as
 * benchmark harnesses fork. {@link #main} is the child's entry point: it prints one bench line.
 */
public final class BenchFork {
    private BenchFork() {
    }

    /** Child: {@code width depth activation sampler seconds}; prints the figure's line. */
    public static void main(String[] args) {
        Figure f = KernelBench.measure(KernelBench.problem(),
                KernelBench.model(Integer.parseInt(args[0]), Integer.parseInt(args[1]), args[2]),
                SamplerKind.bySpecName(args[3]), Double.parseDouble(args[4]));
        System.out.println(f.line());
    }

    /** Parent: runs one measurement in a child JVM with this JVM's class path. */
    static Figure measure(int width, int depth, String activation, SamplerKind sampler, double seconds) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                BenchFork.class.getName(), Integer.toString(width), Integer.toString(depth), activation,
                sampler.specName(), Double.toString(seconds));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int code = p.waitFor();
            if (code != 0) {
                throw new IllegalStateException("bench child JVM exited with " + code + " for width " + width
                        + ", depth " + depth + ", " + activation + ", " + sampler.specName());
            }
            return Figure.parse(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a bench child JVM", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a bench child JVM ran", e);
        }
    }
}
