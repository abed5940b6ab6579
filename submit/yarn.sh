#!/usr/bin/env bash
# Runs a spec on YARN through spark-submit, the driver in the cluster (deploy mode cluster).
#   submit/yarn.sh SPEC --run-dir hdfs:///user/me/runs/NAME [gnc run options]
# Needs SPARK_HOME (a Spark 4.2 distribution for Scala 2.13) and HADOOP_CONF_DIR or YARN_CONF_DIR
# pointing at the cluster's configuration. The spec is shipped with --files and read from the
# driver's working directory; the run directory must be on HDFS (or another shared file system).
# Extra spark-submit settings: SPARK_SUBMIT_OPTS_EXTRA="--num-executors 20 --executor-cores 4".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [[ $# -lt 1 || -z "${HADOOP_CONF_DIR:-${YARN_CONF_DIR:-}}" ]]; then
  sed -n '2,8p' "${BASH_SOURCE[0]}" >&2; exit 2
fi
spec="$1"; shift
build_jar
# shellcheck disable=SC2086
spark_submit --master yarn --deploy-mode cluster \
  --properties-file "$GNC_HOME/conf/spark-defaults.conf" \
  --files "$spec" ${SPARK_SUBMIT_OPTS_EXTRA:-} \
  --class gnc.cli.Main "$GNC_JAR" run "$(basename "$spec")" "$@"
