#!/usr/bin/env bash
# The Spark History Server, from the jars of SPARK_HOME or else of target/spark-home (Maven jars,
# no Spark download): the Spark UI of finished runs, read from their event logs.
#   submit/history-server.sh start [LOG_DIR]   # UI at http://127.0.0.1:18080 (GNC_HISTORY_PORT)
#   submit/history-server.sh status
#   submit/history-server.sh stop
# LOG_DIR: the runs' spark.eventLog.dir (see conf/spark-defaults.conf), default file:///tmp/spark-events;
# hdfs:///spark-history needs HADOOP_CONF_DIR. Log and pid file: target/history-server/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
STATE="$GNC_HOME/target/history-server"
PORT="${GNC_HISTORY_PORT:-18080}"

alive() { [[ -f "$STATE/pid" ]] && kill -0 "$(cat "$STATE/pid")" 2>/dev/null; }

start() {
  local log_dir="${1:-file:///tmp/spark-events}"
  mkdir -p "$STATE"
  if alive; then echo "already running: http://127.0.0.1:$PORT"; return 0; fi
  local home="${SPARK_HOME:-$GNC_MAVEN_SPARK_HOME}"
  if [[ -z "${SPARK_HOME:-}" ]]; then spark_home_from_maven; fi
  local conf_dirs="${HADOOP_CONF_DIR:+$HADOOP_CONF_DIR:}"
  SPARK_HOME="$home" SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}" nohup java -Xmx1g @"$GNC_HOME/target/jvm.args" \
    -Dlog4j2.configurationFile="$GNC_HOME/conf/log4j2.properties" \
    -Dspark.history.fs.logDirectory="$log_dir" -Dspark.history.ui.port="$PORT" \
    -cp "$conf_dirs$home/jars/*" org.apache.spark.deploy.history.HistoryServer > "$STATE/history-server.log" 2>&1 &
  echo $! > "$STATE/pid"
  for _ in $(seq 60); do
    if curl -s --max-time 2 "http://127.0.0.1:$PORT/api/v1/version" > /dev/null 2>&1; then
      echo "started: http://127.0.0.1:$PORT reading $log_dir"; return 0
    fi
    if ! alive; then break; fi
    sleep 1
  done
  echo "gnc: the history server did not come up; see $STATE/history-server.log" >&2
  exit 1
}

case "${1:-}" in
  start) shift; start "$@" ;;
  status) if alive; then echo "running (pid $(cat "$STATE/pid")): http://127.0.0.1:$PORT"; else echo "stopped"; exit 1; fi ;;
  stop) if alive; then kill "$(cat "$STATE/pid")"; fi; rm -f "$STATE/pid"; echo "stopped" ;;
  *) sed -n '2,8p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
esac
