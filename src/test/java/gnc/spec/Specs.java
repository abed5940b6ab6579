package gnc.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A small valid spec for tests, and edits of it written as "path=json" or "-path" (remove). */
public final class Specs {
    public static final String VALID = """
            {
              "name": "tiny",
              "problem": {"rows": 5, "cols": 5, "rank": 1, "gt_norm": 1.0, "measurements": 15, "completion": false},
              "model": {"activation": "linear"},
              "sweep": {"widths": [2, 5], "depth": 2},
              "gnc": {"prior": "gauss", "normalize": false, "eps": 0.1, "draws": 5000, "block_size": 1000},
              "seeds": 3
            }
            """;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Specs() {
    }

    /** VALID with each edit applied: "gnc.eps=-1" sets a field (JSON value), "-gnc.eps" removes it. */
    public static String edited(String... edits) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(VALID);
            for (String edit : edits) {
                boolean remove = edit.startsWith("-");
                String path = remove ? edit.substring(1) : edit.substring(0, edit.indexOf('='));
                String[] parts = path.split("\\.");
                ObjectNode parent = root;
                for (int i = 0; i < parts.length - 1; i++) {
                    parent = (ObjectNode) parent.get(parts[i]);
                }
                String last = parts[parts.length - 1];
                if (remove) {
                    parent.remove(last);
                } else {
                    JsonNode value = MAPPER.readTree(edit.substring(edit.indexOf('=') + 1));
                    parent.set(last, value);
                }
            }
            return MAPPER.writeValueAsString(root);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
