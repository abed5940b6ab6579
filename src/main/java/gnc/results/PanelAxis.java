package gnc.results;

/** What a panel's x axis sweeps: the width (drawn on a log2 scale) or the depth (linear). */
public enum PanelAxis {
    WIDTH("width"), DEPTH("depth");

    private final String specName;

    PanelAxis(String specName) {
        this.specName = specName;
    }

    public String specName() {
        return specName;
    }

    /** The axis of that name ("width" or "depth"). */
    public static PanelAxis bySpecName(String name) {
        for (PanelAxis a : values()) {
            if (a.specName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("x axis must be \"width\" or \"depth\", got \"" + name + "\"");
    }
}
