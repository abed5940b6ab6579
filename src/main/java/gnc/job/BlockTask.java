package gnc.job;

import gnc.kernel.BlockStats;
import gnc.kernel.GncSampler;
import gnc.kernel.ProblemInstance;
import gnc.kernel.Streams;
import gnc.results.BlockTable;
import gnc.spec.JobSpec;
import gnc.spec.SweepPoint;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Runs the work units of one Spark partition with the pure-Java kernel, one {@code blocks} row per
 * unit. A sampler (and its workspaces) is built once per (point, seed) run of consecutive units.
 */
final class BlockTask implements FlatMapFunction<Iterator<WorkUnit>, Row> {
    private static final long serialVersionUID = 1L;

    private final JobSpec spec;
    private final Broadcast<ProblemInstance[]> problems;

    BlockTask(JobSpec spec, Broadcast<ProblemInstance[]> problems) {
        this.spec = spec;
        this.problems = problems;
    }

    @Override
    public Iterator<Row> call(Iterator<WorkUnit> units) {
        String activation = spec.activation().kind().specName();
        List<Row> rows = new ArrayList<>();
        GncSampler sampler = null;
        long drawKey = 0;
        WorkUnit samplerUnit = null;
        while (units.hasNext()) {
            WorkUnit u = units.next();
            if (samplerUnit == null || samplerUnit.width() != u.width() || samplerUnit.depth() != u.depth()
                    || samplerUnit.seed() != u.seed()) {
                ProblemInstance problem = problems.value()[u.seed()];
                SweepPoint point = new SweepPoint(u.width(), u.depth());
                sampler = new GncSampler(problem, spec.model(point), spec.gnc());
                drawKey = spec.drawKey(point);
                samplerUnit = u;
            }
            BlockStats stats = new BlockStats();
            sampler.run(Streams.stream(drawKey, u.width(), u.depth(), u.seed(), u.block()), u.draws(),
                    spec.eps(), stats);
            rows.add(BlockTable.row(BlockTable.GNC, u.width(), u.depth(), activation, u.seed(), u.block(),
                    spec.eps(), stats));
        }
        return rows.iterator();
    }
}
