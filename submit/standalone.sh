#!/usr/bin/env bash
# Runs a spec on a Spark standalone cluster through spark-submit (client deploy mode: the driver,
# with its progress line, runs here).
#   submit/standalone.sh MASTER_URL SPEC [gnc run options: --run-dir DIR --draws N ...]
# e.g. submit/standalone.sh spark://127.0.0.1:7077 jobs/quick.json --run-dir runs/quick-cluster
# The run directory must be on a file system every worker can write (one machine: any local path).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [[ $# -lt 2 ]]; then
  sed -n '2,6p' "${BASH_SOURCE[0]}" >&2; exit 2
fi
master="$1"; shift
build_jar
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
spark_submit --master "$master" --deploy-mode client \
  --properties-file "$GNC_HOME/conf/spark-defaults.conf" \
  --driver-java-options "-Dlog4j2.configurationFile=$GNC_HOME/conf/log4j2.properties" \
  --class gnc.cli.Main "$GNC_JAR" run "$@"
