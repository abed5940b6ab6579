package gnc.cli;

import gnc.job.RunDirectory;
import gnc.spec.SpecException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The runs a query reads, as SQL views: one run directory (each table a view of its current
 * tables), or a folder of run directories (each table a view over every run that has it, with two
 * leading columns: {@code run}, the run directory's name, and {@code spec}, its spec's name; a
 * column some runs lack is null there). The same statements register the views of {@code gnc
 * query} and make the file {@code gnc catalog} writes for plain Spark SQL.
 */
final class RunCatalog {
    /** A run of the catalog: its directory's name, its spec's name, the directory. */
    record Run(String name, String spec, RunDirectory dir) {
    }

    private final String location;
    private final List<Run> runs;
    private final boolean single;

    private RunCatalog(String location, List<Run> runs, boolean single) {
        this.location = location;
        this.runs = runs;
        this.single = single;
    }

    /** The run at location, or the runs directly inside the folder at location. */
    static RunCatalog open(String location, Configuration conf) {
        RunDirectory here = RunDirectory.at(location, conf);
        if (isRun(here, location, conf)) {
            RunDirectory run = RunDirectory.open(location, conf);
            return new RunCatalog(location, List.of(new Run(run.location(), run.spec().name(), run)), true);
        }
        List<Run> runs = new ArrayList<>();
        try {
            Path root = new Path(here.uri());
            FileSystem fs = root.getFileSystem(conf);
            if (fs.exists(root) && fs.getFileStatus(root).isDirectory()) {
                for (FileStatus st : fs.listStatus(root)) {
                    if (st.isDirectory() && fs.exists(new Path(st.getPath(), RunDirectory.IDENTITY))) {
                        RunDirectory run = RunDirectory.open(st.getPath().toString(), conf);
                        if (run.hasTables()) {
                            runs.add(new Run(st.getPath().getName(), run.spec().name(), run));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new SpecException("cannot read " + location + ": " + e.getMessage());
        }
        if (runs.isEmpty()) {
            throw new SpecException(location + " is not a gnc run directory (it has no " + RunDirectory.IDENTITY
                    + ") nor a folder of run directories with tables");
        }
        runs.sort((a, b) -> a.name().compareTo(b.name()));
        return new RunCatalog(location, runs, false);
    }

    private static boolean isRun(RunDirectory d, String location, Configuration conf) {
        try {
            Path p = new Path(d.uri(), RunDirectory.IDENTITY);
            return p.getFileSystem(conf).exists(p);
        } catch (IOException e) {
            throw new SpecException("cannot read " + location + ": " + e.getMessage());
        }
    }

    List<Run> runs() {
        return runs;
    }

    /** The table names of every run, sorted. */
    List<String> tables() {
        TreeSet<String> names = new TreeSet<>();
        runs.forEach(r -> names.addAll(r.dir().tables()));
        return new ArrayList<>(names);
    }

    /** CREATE OR REPLACE TEMPORARY VIEW statements, one per table, each ending with ";". */
    List<String> statements(SparkSession spark) {
        List<String> out = new ArrayList<>();
        for (String table : tables()) {
            out.add("CREATE OR REPLACE TEMPORARY VIEW " + table + " AS\n" + select(spark, table) + ";");
        }
        return out;
    }

    private String select(SparkSession spark, String table) {
        if (single) {
            return "SELECT * FROM parquet." + quoted(runs.get(0).dir().table(table));
        }
        Map<String, StructField> columns = new LinkedHashMap<>();
        Map<Run, StructType> schemas = new LinkedHashMap<>();
        for (Run r : runs) {
            if (r.dir().hasTable(table)) {
                StructType s = spark.read().parquet(r.dir().table(table)).schema();
                schemas.put(r, s);
                for (StructField f : s.fields()) {
                    columns.putIfAbsent(f.name(), f);
                }
            }
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Run, StructType> e : schemas.entrySet()) {
            StringBuilder b = new StringBuilder("SELECT ").append(literal(e.getKey().name())).append(" AS run, ")
                    .append(literal(e.getKey().spec())).append(" AS spec");
            for (StructField f : columns.values()) {
                boolean has = List.of(e.getValue().fieldNames()).contains(f.name());
                b.append(", ").append(has ? "`" + f.name() + "`"
                        : "CAST(NULL AS " + f.dataType().sql() + ") AS `" + f.name() + "`");
            }
            parts.add(b.append(" FROM parquet.").append(quoted(e.getKey().dir().table(table))).toString());
        }
        return String.join("\nUNION ALL\n", parts);
    }

    /** A path as a backquoted identifier (Spark's parquet.`path`). */
    private static String quoted(String path) {
        return "`" + path.replace("`", "``") + "`";
    }

    private static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    String location() {
        return location;
    }
}
