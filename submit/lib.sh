# Shared by the submit/*.sh scripts (sourced, not run).
# GNC_HOME: the project; the application jar is built with Maven when missing or stale.
GNC_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GNC_JAR="$GNC_HOME/target/gnc.jar"

build_jar() {
  if [[ ! -f "$GNC_JAR" || -n "$(find "$GNC_HOME/src/main" "$GNC_HOME/pom.xml" -newer "$GNC_JAR" -print -quit)" ]]; then
    echo "gnc: building $GNC_JAR ..." >&2
    local log; log="$(mktemp)"
    if ! (cd "$GNC_HOME" && mvn -B -DskipTests package) > "$log" 2>&1; then
      cat "$log" >&2; rm -f "$log"; echo "gnc: the build failed (Maven's output above)" >&2; exit 1
    fi
    rm -f "$log"
  fi
}

# spark-submit from a Spark distribution ($SPARK_HOME/bin/spark-submit), or else from the Maven
# jars of submit/local-cluster.sh (target/spark-home/jars), run as a plain java process.
spark_submit() {
  if [[ -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-submit" ]]; then
    "$SPARK_HOME/bin/spark-submit" "$@"
  else
    local home="${SPARK_HOME:-$GNC_HOME/target/spark-home}"
    if [[ ! -d "$home/jars" ]]; then
      echo "gnc: no Spark found: set SPARK_HOME to a Spark 4.2 distribution, or run submit/local-cluster.sh start" >&2
      exit 2
    fi
    # A plain JVM runs SparkSubmit (and, in client mode, the driver): it takes the driver's
    # logging configuration directly, as --driver-java-options would set it.
    SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 java @"$GNC_HOME/target/jvm.args" \
      -Dlog4j2.configurationFile="$GNC_HOME/conf/log4j2.properties" -cp "$home/jars/*" \
      org.apache.spark.deploy.SparkSubmit "$@"
  fi
}
