package gnc.results;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/** Query results as text: an aligned table for people, or CSV (RFC 4180) for scripts. */
public final class TextTable {
    private TextTable() {
    }

    /** Columns left-aligned for text, right-aligned for numbers; null shown as "null". */
    public static String aligned(String[] columns, List<Row> rows) {
        List<String[]> cells = cells(columns, rows, "null");
        int[] width = new int[columns.length];
        boolean[] numeric = new boolean[columns.length];
        java.util.Arrays.fill(numeric, true);
        for (int c = 0; c < columns.length; c++) {
            for (String[] line : cells) {
                width[c] = Math.max(width[c], line[c].length());
            }
            for (Row r : rows) {
                Object v = r.get(c);
                numeric[c] &= v == null || v instanceof Number;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String[] line = cells.get(i);
            for (int c = 0; c < line.length; c++) {
                boolean right = numeric[c] && i > 0;
                String pad = " ".repeat(width[c] - line[c].length());
                out.append(c == 0 ? "" : "  ").append(right ? pad + line[c] : line[c] + (c == line.length - 1 ? "" : pad));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** A header line and one line per row; null is an empty field. */
    public static String csv(String[] columns, List<Row> rows) {
        StringBuilder out = new StringBuilder();
        for (String[] line : cells(columns, rows, "")) {
            for (int c = 0; c < line.length; c++) {
                out.append(c == 0 ? "" : ",").append(quote(line[c]));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static List<String[]> cells(String[] columns, List<Row> rows, String nullText) {
        List<String[]> out = new ArrayList<>();
        out.add(columns.clone());
        for (Row r : rows) {
            String[] line = new String[columns.length];
            for (int c = 0; c < columns.length; c++) {
                Object v = r.get(c);
                line[c] = v == null ? nullText : String.valueOf(v);
            }
            out.add(line);
        }
        return out;
    }

    private static String quote(String field) {
        boolean needs = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
        return needs ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }
}
