package gnc.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.apache.hadoop.yarn.server.nodemanager.NodeManager;
import org.apache.hadoop.yarn.server.resourcemanager.rmapp.RMApp;

/**
 * HDFS (one NameNode, one DataNode) and YARN (one ResourceManager, two NodeManagers) in this JVM,
 * bound to 127.0.0.1, with a Hadoop configuration folder for spark-submit (HADOOP_CONF_DIR).
 * Each NodeManager offers 3 GiB: a driver and two 512 MiB executors fit on one, so an application
 * survives the loss of the other.
 */
final class MiniHadoop implements AutoCloseable {
    static final int NODE_MANAGERS = 2;
    private static final int NODE_MEMORY_MB = 3072;
    private static final long NODE_EXPIRY_MS = 10_000;

    private final MiniDFSCluster hdfs;
    private final MiniYARNCluster yarn;
    private final Path confDir;

    private MiniHadoop(MiniDFSCluster hdfs, MiniYARNCluster yarn, Path confDir) {
        this.hdfs = hdfs;
        this.yarn = yarn;
        this.confDir = confDir;
    }

    /** Starts both clusters, their data under dir, and writes dir/conf. */
    static MiniHadoop start(Path dir) throws Exception {
        Configuration conf = new Configuration();
        MiniDFSCluster hdfs = new MiniDFSCluster.Builder(conf, dir.resolve("hdfs").toFile()).numDataNodes(1).build();
        MiniYARNCluster yarn = null;
        try {
            hdfs.waitActive();
            String defaultFs = hdfs.getURI().toString();
            YarnConfiguration yc = new YarnConfiguration(conf);
            yc.set("fs.defaultFS", defaultFs);
            yc.set(YarnConfiguration.RM_HOSTNAME, "127.0.0.1");
            yc.setInt(YarnConfiguration.NM_PMEM_MB, NODE_MEMORY_MB);
            yc.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
            yc.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, NODE_MEMORY_MB);
            // The JVMs' virtual memory is far above their heap; a killed container would be a false fault.
            yc.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
            yc.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
            yc.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 100f);
            yc.setInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, 2);
            // A stopped NodeManager heartbeats no more (every second while alive); the ResourceManager
            // declares it lost after this, as it would a crashed node (by default after 10 minutes).
            yc.setLong(YarnConfiguration.RM_NM_EXPIRY_INTERVAL_MS, NODE_EXPIRY_MS);
            // hadoop-client-minicluster has no capacity-scheduler.xml: one queue with everything.
            yc.set("yarn.scheduler.capacity.root.queues", "default");
            yc.setInt("yarn.scheduler.capacity.root.default.capacity", 100);
            yc.setInt("yarn.scheduler.capacity.root.default.maximum-capacity", 100);
            yc.setFloat("yarn.scheduler.capacity.root.default.user-limit-factor", 1);
            yc.set("yarn.scheduler.capacity.root.default.state", "RUNNING");
            yc.set("yarn.scheduler.capacity.root.default.acl_submit_applications", "*");
            yc.set("yarn.scheduler.capacity.root.default.acl_administer_queue", "*");
            yc.setInt("yarn.scheduler.capacity.node-locality-delay", -1);
            yarn = new MiniYARNCluster(YarnClusterTest.class.getSimpleName(), 1, NODE_MANAGERS, 1, 1);
            yarn.init(yc);
            yarn.start();
            if (!yarn.waitForNodeManagersToConnect(TimeUnit.SECONDS.toMillis(30))) {
                throw new IllegalStateException("the NodeManagers did not register within 30 s");
            }
            awaitResourceManagerAddress(yarn.getConfig());
            return new MiniHadoop(hdfs, yarn, writeConf(dir.resolve("conf"), defaultFs, yarn.getConfig()));
        } catch (Exception | Error e) {
            if (yarn != null) {
                yarn.stop();
            }
            hdfs.shutdown();
            throw e;
        }
    }

    /** start() may return before the ResourceManager has put its bound port into the configuration. */
    private static void awaitResourceManagerAddress(Configuration conf) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (conf.get(YarnConfiguration.RM_ADDRESS).endsWith(":0")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the ResourceManager published no address within 10 s");
            }
            Thread.sleep(100);
        }
    }

    /**
     * core-site.xml names HDFS as the default file system; yarn-site.xml the ResourceManager's
     * addresses. Nothing else: the mini clusters' own settings name test classes (such as
     * StaticMapping for rack lookups) that a YARN container's classpath does not have.
     */
    private static Path writeConf(Path confDir, String defaultFs, Configuration yarnConf) throws IOException {
        Files.createDirectories(confDir);
        Configuration core = new Configuration(false);
        core.set("fs.defaultFS", defaultFs);
        write(core, confDir.resolve("core-site.xml"));
        Configuration site = new Configuration(false);
        for (String key : List.of(YarnConfiguration.RM_HOSTNAME, YarnConfiguration.RM_ADDRESS,
                YarnConfiguration.RM_SCHEDULER_ADDRESS, YarnConfiguration.RM_WEBAPP_ADDRESS)) {
            site.set(key, yarnConf.get(key));
        }
        write(site, confDir.resolve("yarn-site.xml"));
        return confDir;
    }

    private static void write(Configuration conf, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            conf.writeXml(out);
        }
    }

    /** The folder to give spark-submit as HADOOP_CONF_DIR. */
    Path confDir() {
        return confDir;
    }

    /** hdfs://127.0.0.1:PORT, the default file system. */
    String hdfsUri() {
        return hdfs.getURI().toString();
    }

    FileSystem fileSystem() throws IOException {
        return hdfs.getFileSystem();
    }

    /** The latest application submitted to the ResourceManager. */
    RMApp latestApplication() {
        return yarn.getResourceManager().getRMContext().getRMApps().values().stream()
                .max(Comparator.comparing(RMApp::getApplicationId))
                .orElseThrow(() -> new IllegalStateException("no application was submitted"));
    }

    /**
     * The NodeManager running the first attempt's ApplicationMaster (in cluster deploy mode, the
     * driver): the container numbered 1 of attempt 1.
     */
    Optional<NodeManager> nodeManagerOfFirstAttempt() {
        for (int i = 0; i < NODE_MANAGERS; i++) {
            NodeManager nm = yarn.getNodeManager(i);
            for (ContainerId c : nm.getNMContext().getContainers().keySet()) {
                if (c.getApplicationAttemptId().getAttemptId() == 1
                        && (c.getContainerId() & ContainerId.CONTAINER_ID_BITMASK) == 1) {
                    return Optional.of(nm);
                }
            }
        }
        return Optional.empty();
    }

    /** Stops both clusters and deletes YARN's work folder (MiniYARNCluster keeps it in target/). */
    @Override
    public void close() throws IOException {
        try {
            yarn.stop();
        } finally {
            hdfs.shutdown(true);
        }
        org.apache.hadoop.fs.FileUtil.fullyDelete(yarn.getTestWorkDir());
    }
}
