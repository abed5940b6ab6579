#!/usr/bin/env bash
# Runs a spec on YARN through spark-submit, the driver in the cluster (deploy mode cluster).
#   submit/yarn.sh SPEC --run-dir hdfs:///user/me/runs/NAME [gnc run options]
# HADOOP_CONF_DIR (or YARN_CONF_DIR) names the cluster's configuration folder. SPARK_HOME: a Spark
# 4.2 distribution for Scala 2.13; without it, Spark from Maven jars (target/spark-home).
# The spec is shipped with --files and read from the driver's working directory (a spec naming a
# problem file needs that file shipped too). --run-dir must be a URI on storage every node
# writes (HDFS, S3A): the driver and executors write the unit files and tables there, and a
# restarted application attempt resumes from them. Extra spark-submit settings go in
# SPARK_SUBMIT_OPTS_EXTRA, e.g. "--num-executors 20 --executor-cores 4", or
# "--conf spark.yarn.archive=hdfs:///spark/jars.zip" to skip uploading Spark's jars on every run.
# The driver's output (the trials report) is in the application's logs: yarn logs -applicationId ID.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [[ $# -lt 1 || -z "${HADOOP_CONF_DIR:-${YARN_CONF_DIR:-}}" ]]; then
  sed -n '2,12p' "${BASH_SOURCE[0]}" >&2; exit 2
fi
spec="$1"; shift
if [[ ! -f "$spec" ]]; then echo "gnc: no spec file $spec" >&2; exit 2; fi
check_shared_run_dir "$@"
build_jar
# The driver and executors log with conf/log4j2.properties (shipped beside the spec).
# shellcheck disable=SC2086
spark_submit --master yarn --deploy-mode cluster --name "gnc $(basename "$spec" .json)" \
  --properties-file "$GNC_HOME/conf/spark-defaults.conf" \
  --files "$spec,$GNC_HOME/conf/log4j2.properties" \
  --conf spark.driver.extraJavaOptions=-Dlog4j2.configurationFile=log4j2.properties \
  --conf spark.executor.extraJavaOptions=-Dlog4j2.configurationFile=log4j2.properties \
  ${SPARK_SUBMIT_OPTS_EXTRA:-} \
  --class gnc.cli.Main "$GNC_JAR" run "$(basename "$spec")" "$@"
