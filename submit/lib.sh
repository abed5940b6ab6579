# Shared by the submit/*.sh scripts (sourced, not run).
# GNC_HOME: the project. GNC_JAR: the application jar; by default target/gnc.jar, built with Maven
# when missing or stale; a jar named in the environment's GNC_JAR is used as it is.
GNC_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GNC_JAR_GIVEN="${GNC_JAR:-}"
GNC_JAR="${GNC_JAR:-$GNC_HOME/target/gnc.jar}"
# The Spark home made from Maven jars when no Spark distribution is given (see spark_home_from_maven).
GNC_MAVEN_SPARK_HOME="$GNC_HOME/target/spark-home"

build_jar() {
  if [[ -n "$GNC_JAR_GIVEN" ]]; then
    if [[ ! -f "$GNC_JAR" ]]; then echo "gnc: GNC_JAR=$GNC_JAR: no such file" >&2; exit 2; fi
    return 0
  fi
  if [[ ! -f "$GNC_JAR" || -n "$(find "$GNC_HOME/src/main" "$GNC_HOME/pom.xml" -newer "$GNC_JAR" -print -quit)" ]]; then
    echo "gnc: building $GNC_JAR ..." >&2
    local log; log="$(mktemp)"
    if ! (cd "$GNC_HOME" && mvn -B -DskipTests package) > "$log" 2>&1; then
      cat "$log" >&2; rm -f "$log"; echo "gnc: the build failed (Maven's output above)" >&2; exit 1
    fi
    rm -f "$log"
  fi
}

# target/spark-home: a Spark home whose jars/ Maven fills with what a Spark 4.2 distribution
# bundles (Spark with its YARN and Kubernetes clients, breeze; the spark-home profile), and
# target/jvm.args. Made when missing, or when made before it held the cluster managers' clients.
spark_home_from_maven() {
  if [[ ! -f "$GNC_HOME/target/jvm.args" ]] || ! compgen -G "$GNC_MAVEN_SPARK_HOME/jars/spark-yarn_*.jar" > /dev/null \
      || ! compgen -G "$GNC_MAVEN_SPARK_HOME/jars/spark-kubernetes_*.jar" > /dev/null; then
    echo "gnc: preparing $GNC_MAVEN_SPARK_HOME/jars from Maven ..." >&2
    (cd "$GNC_HOME" && mvn -q -B -Pspark-home -DskipTests process-resources dependency:copy-dependencies \
      -DincludeScope=provided -DoutputDirectory="$GNC_MAVEN_SPARK_HOME/jars") >&2
  fi
}

# Validates a --run-dir for a driver that runs in the cluster (YARN or Kubernetes cluster mode):
# it must be given, and be a URI (hdfs://, s3a://, file:// for a volume every node mounts), since
# a plain path would name a folder inside the driver's container, deleted with it.
check_shared_run_dir() { # gnc run options...
  local dir=""
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --run-dir) dir="${2:-}"; shift ;;
      --run-dir=*) dir="${1#--run-dir=}" ;;
    esac
    shift
  done
  if [[ -z "$dir" ]]; then
    echo "gnc: --run-dir is required: the driver runs in the cluster, so give shared storage (hdfs:///user/me/runs/NAME, s3a://bucket/runs/NAME)" >&2
    exit 2
  fi
  if [[ ! "$dir" =~ ^[A-Za-z][A-Za-z0-9+.-]+:/ ]]; then
    echo "gnc: --run-dir $dir: give a URI with a scheme (hdfs://, s3a://, or file:// for a volume every node mounts); a plain path would be inside the driver's container" >&2
    exit 2
  fi
}

# spark-submit from a Spark distribution ($SPARK_HOME/bin/spark-submit), or else from the Maven
# jars of target/spark-home (or a SPARK_HOME holding only jars/), run as a plain java process.
spark_submit() {
  if [[ -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-submit" ]]; then
    "$SPARK_HOME/bin/spark-submit" "$@"
  else
    local home="${SPARK_HOME:-$GNC_MAVEN_SPARK_HOME}"
    if [[ -z "${SPARK_HOME:-}" ]]; then spark_home_from_maven; fi
    if [[ ! -d "$home/jars" ]]; then
      echo "gnc: no Spark found: SPARK_HOME=$home has no jars/; set SPARK_HOME to a Spark 4.2 distribution (Scala 2.13)" >&2
      exit 2
    fi
    # What bin/spark-class would do: the Hadoop and YARN configuration folders on the classpath
    # (where the YARN client finds the ResourceManager and the default file system), the Scala
    # version for the jars folder, and (in client mode) the driver's logging configuration.
    local conf_dirs="${HADOOP_CONF_DIR:+$HADOOP_CONF_DIR:}${YARN_CONF_DIR:+$YARN_CONF_DIR:}"
    SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 java @"$GNC_HOME/target/jvm.args" \
      -Dlog4j2.configurationFile="$GNC_HOME/conf/log4j2.properties" -cp "$conf_dirs$home/jars/*" \
      org.apache.spark.deploy.SparkSubmit "$@"
  fi
}
