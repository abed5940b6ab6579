package gnc.job;

import gnc.estimator.Estimator;
import gnc.estimator.Fingerprint;
import gnc.spec.JobSpec;
import gnc.spec.SweepPoint;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run has to do: every unit its spec plans, which of them a checked unit file already
 * holds (each taken from exactly one file, the first in name order that holds it), and the rest,
 * cut into batches for tasks.
 *
 * <p>Batches: units follow one another in plan order (estimator, point, seed, index) and a batch
 * takes as many as fill a task's share of one core's time by the estimators' own cost estimates,
 * within one estimator; a batch may span trials when their units are short. A task's share is
 * {@value #MAX_TASK_SECONDS} s at paper scale, less for small runs, which still get about
 * {@value #TASKS_PER_CORE} tasks per core. The batch size sets how many tasks and files a run has,
 * never a result.
 */
final class RunPlan {
    /** A task's target length at paper scale: long enough to make Spark's per-task cost negligible. */
    static final double MAX_TASK_SECONDS = 30;
    /** Small runs still get this many tasks per core, so the cores stay busy to the end. */
    static final int TASKS_PER_CORE = 4;

    private final JobSpec spec;
    private final List<Estimator> estimators;
    /** Per trial (method/width/depth/seed), the indexes already taken from a file. */
    private final Map<String, BitSet> taken = new HashMap<>();
    private final Map<String, List<Segment>> takesByFile = new LinkedHashMap<>();
    private final Map<String, String> methodOfFile = new HashMap<>();
    long units;
    long unitsDone;
    long draws;
    long drawsDone;

    RunPlan(JobSpec spec, List<Estimator> estimators, List<FileCheck> checked) {
        this.spec = spec;
        this.estimators = estimators;
        List<FileCheck> sorted = new ArrayList<>(checked);
        sorted.sort((a, b) -> a.name.compareTo(b.name));
        for (FileCheck f : sorted) {
            if (f.damage == null) {
                for (Segment s : f.wanted) {
                    take(f.name, s);
                }
            }
        }
        for (Estimator e : estimators) {
            for (SweepPoint p : spec.sweep().points()) {
                int n = e.units(p);
                for (int seed = 0; seed < spec.seeds(); seed++) {
                    units += n;
                    BitSet done = taken.get(e.method() + "/" + p.width() + "/" + p.depth() + "/" + seed);
                    for (int i = 0; i < n; i++) {
                        long d = e.unit(p, seed, i).draws();
                        draws += d;
                        if (done != null && done.get(i)) {
                            unitsDone++;
                            drawsDone += d;
                        }
                    }
                }
            }
        }
    }

    /** Takes the units of s not yet taken from file name. */
    private void take(String name, Segment s) {
        BitSet done = taken.computeIfAbsent(s.trial(), k -> new BitSet());
        int i = done.nextClearBit(s.from);
        while (i < s.to) {
            int end = Math.min(s.to, done.nextSetBit(i) < 0 ? s.to : done.nextSetBit(i));
            takesByFile.computeIfAbsent(name, k -> new ArrayList<>())
                    .add(new Segment(s.method, s.width, s.depth, s.seed, i, end));
            methodOfFile.put(name, s.method);
            done.set(i, end);
            i = done.nextClearBit(end);
        }
    }

    /** What the tables read from the files already present. */
    List<FileTake> takes() {
        List<FileTake> out = new ArrayList<>();
        takesByFile.forEach((name, segments) -> out.add(new FileTake(name, methodOfFile.get(name), segments)));
        return out;
    }

    long pendingUnits() {
        return units - unitsDone;
    }

    /** The units still to compute, in batches sized for cores cores (see the class comment). */
    List<Batch> batches(int cores) {
        double pendingSeconds = 0;
        for (Estimator e : estimators) {
            for (SweepPoint p : spec.sweep().points()) {
                for (int seed = 0; seed < spec.seeds(); seed++) {
                    pendingSeconds += pending(e, p, seed).stream().mapToInt(Segment::size).sum() * e.unitSeconds(p);
                }
            }
        }
        double taskSeconds = Math.min(MAX_TASK_SECONDS, pendingSeconds / (TASKS_PER_CORE * Math.max(1, cores)));
        List<Batch> batches = new ArrayList<>();
        for (Estimator e : estimators) {
            List<Segment> current = new ArrayList<>();
            double currentSeconds = 0;
            for (SweepPoint p : spec.sweep().points()) {
                double seconds = Math.max(e.unitSeconds(p), 1e-9);
                for (int seed = 0; seed < spec.seeds(); seed++) {
                    for (Segment s : pending(e, p, seed)) {
                        int from = s.from;
                        while (from < s.to) {
                            int room = (int) Math.max(1, Math.min(s.to - from, Math.floor((taskSeconds - currentSeconds)
                                    / seconds)));
                            current.add(new Segment(s.method, s.width, s.depth, s.seed, from, from + room));
                            currentSeconds += room * seconds;
                            from += room;
                            if (currentSeconds >= taskSeconds - seconds / 2) {
                                batches.add(batch(e, current));
                                current = new ArrayList<>();
                                currentSeconds = 0;
                            }
                        }
                    }
                }
            }
            if (!current.isEmpty()) {
                batches.add(batch(e, current));
            }
        }
        return batches;
    }

    /** The pending runs of units of one trial. */
    private List<Segment> pending(Estimator e, SweepPoint p, int seed) {
        int n = e.units(p);
        BitSet done = taken.get(e.method() + "/" + p.width() + "/" + p.depth() + "/" + seed);
        List<Segment> out = new ArrayList<>();
        int i = done == null ? 0 : done.nextClearBit(0);
        while (i < n) {
            int end = done == null ? n : Math.min(n, done.nextSetBit(i) < 0 ? n : done.nextSetBit(i));
            out.add(new Segment(e.method(), p.width(), p.depth(), seed, i, end));
            i = done == null ? n : done.nextClearBit(end);
        }
        return out;
    }

    /**
     * A batch and its file name: its first unit, its size, and a fingerprint of its segments and
     * of its first and last units' results (a different batch never gets the same name).
     */
    private static Batch batch(Estimator e, List<Segment> segments) {
        Segment first = segments.get(0);
        Segment last = segments.get(segments.size() - 1);
        int units = segments.stream().mapToInt(Segment::size).sum();
        String id = Fingerprint.of(segments + "|"
                + e.fingerprint(e.unit(new SweepPoint(first.width, first.depth), first.seed, first.from)) + "|"
                + e.fingerprint(e.unit(new SweepPoint(last.width, last.depth), last.seed, last.to - 1)));
        String name = e.method() + "-w" + first.width + "-d" + first.depth + "-s" + first.seed + "-i" + first.from
                + "-n" + units + "-" + id + UnitFiles.SUFFIX;
        return new Batch(e.method(), name, segments);
    }
}
