package gnc.spec;

import gnc.kernel.SubsetSettings;
import java.io.Serializable;

/**
 * Subset simulation of a job (gnc.methods includes "subset"): independent replicas per
 * (point, seed), each a run of the kernel's SubsetSimulation with these settings.
 */
public record SubsetSpec(int replicas, SubsetSettings settings) implements Serializable {
}
