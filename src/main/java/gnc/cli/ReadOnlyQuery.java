package gnc.cli;

import java.util.Locale;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.CallMethodViaReflection;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.parser.ParserInterface;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import scala.runtime.BoxedUnit;

/**
 * The SQL of {@code gnc query}, which must change nothing. {@code spark.sql} runs a statement
 * (INSERT, INSERT OVERWRITE DIRECTORY, CREATE TABLE AS, SET, CACHE, ADD JAR, ...) the moment it is
 * called, so the text is checked first: it must be one query as Spark's own grammar defines one
 * (its parser's query rule: SELECT, WITH ... SELECT, VALUES, TABLE, FROM ...), and its analyzed
 * plan must not call Java methods (reflect, java_method and try_reflect call any static method,
 * e.g. one that changes a file's permissions). Everything else is refused naming what it is.
 */
final class ReadOnlyQuery {
    private ReadOnlyQuery() {
    }

    /** The query as a Dataset (analyzed, not yet run); UsageException naming the problem otherwise. */
    static Dataset<Row> of(SparkSession spark, String text) {
        String sql = text.strip().replaceFirst("[;\\s]+$", ""); // a trailing ';' ends the one statement
        ParserInterface parser = spark.sessionState().sqlParser();
        LogicalPlan statement;
        try {
            statement = parser.parsePlan(sql);
        } catch (ParseException e) {
            throw new UsageException("SQL: " + firstLine(e));
        }
        try {
            parser.parseQuery(sql);
        } catch (ParseException e) {
            throw new UsageException("SQL: this is " + describe(statement) + ", not a query: gnc query is read-only"
                    + " and runs one query only (SELECT ..., WITH ... SELECT, VALUES, TABLE, FROM ...)");
        }
        Dataset<Row> result;
        try {
            result = spark.sql(sql);
        } catch (Exception e) { // AnalysisException is checked in Java's terms, though undeclared
            throw asUsage(e);
        }
        if (callsJava(result.queryExecution().analyzed())) {
            throw new UsageException("SQL: reflect, java_method and try_reflect are not allowed: they call Java"
                    + " methods, and gnc query is read-only");
        }
        return result;
    }

    /**
     * An error Spark raised for the query itself (bad syntax, unknown table or column, division by
     * zero, raise_error, ...) as a one-line usage error; other failures are left as they are.
     */
    static RuntimeException asUsage(Exception e) {
        if (e instanceof SparkThrowable t && t.getSqlState() != null && !t.getSqlState().startsWith("XX")) {
            return new UsageException("SQL: " + firstLine(e));
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }

    /** Spark's message without its SQL excerpt: the first line that is not blank. */
    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(e.toString());
    }

    /** "an INSERT INTO statement", from the parsed plan's class (InsertIntoStatement, SetCommand, ...). */
    static String describe(LogicalPlan statement) {
        LogicalPlan p = statement instanceof UnresolvedWith w ? w.child() : statement; // WITH ... INSERT
        String name = p.getClass().getSimpleName().replaceFirst("^Unresolved", "")
                .replaceFirst("(Statement|Command)$", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
        return ("AEIOU".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name + " statement";
    }

    private static boolean callsJava(LogicalPlan analyzed) {
        boolean[] found = {false};
        analyzed.foreachWithSubqueries(node -> {
            node.expressions().foreach(e -> found[0] |= e.exists(ReadOnlyQuery::isReflection));
            return BoxedUnit.UNIT;
        });
        return found[0];
    }

    private static Object isReflection(Expression e) {
        return e instanceof CallMethodViaReflection;
    }
}
