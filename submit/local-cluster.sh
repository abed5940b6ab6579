#!/usr/bin/env bash
# A Spark standalone cluster on this machine, from the jars Maven fetches (no Spark download):
# one Master and two Workers (1 core, 2 GiB each), all bound to 127.0.0.1.
#   submit/local-cluster.sh start    # master at spark://127.0.0.1:7077, UI http://127.0.0.1:8080
#   submit/local-cluster.sh status
#   submit/local-cluster.sh stop
# Then: submit/standalone.sh spark://127.0.0.1:7077 jobs/quick.json
# SPARK_HOME is target/spark-home: jars/ holds Spark with its dependencies, its YARN and
# Kubernetes clients and breeze, as a Spark distribution has them. Logs and pid files: target/local-cluster/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SPARK_HOME_DIR="$GNC_MAVEN_SPARK_HOME"
STATE="$GNC_HOME/target/local-cluster"
MASTER_PORT="${GNC_MASTER_PORT:-7077}"
MASTER_UI="${GNC_MASTER_UI_PORT:-8080}"
MASTER_URL="spark://127.0.0.1:$MASTER_PORT"

alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

launch() { # name, main class, args...
  local name="$1" main="$2"; shift 2
  SPARK_HOME="$SPARK_HOME_DIR" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 \
    nohup java -Xmx512m @"$GNC_HOME/target/jvm.args" -Dlog4j2.configurationFile="$GNC_HOME/conf/log4j2.properties" \
    -cp "$SPARK_HOME_DIR/jars/*" "$main" "$@" > "$STATE/$name.log" 2>&1 &
  echo $! > "$STATE/$name.pid"
}

start() {
  mkdir -p "$STATE"
  if alive "$STATE/master.pid"; then
    echo "already running: $MASTER_URL"; return 0
  fi
  spark_home_from_maven
  launch master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$MASTER_PORT" --webui-port "$MASTER_UI"
  for i in 1 2; do
    mkdir -p "$STATE/worker-$i"
    launch "worker-$i" org.apache.spark.deploy.worker.Worker "$MASTER_URL" --host 127.0.0.1 --cores 1 --memory 2g \
      --webui-port $((MASTER_UI + i)) --work-dir "$STATE/worker-$i"
  done
  for _ in $(seq 60); do
    if [[ "$(workers_alive)" == 2 ]]; then
      echo "started: $MASTER_URL with 2 workers (UI http://127.0.0.1:$MASTER_UI)"; return 0
    fi
    sleep 1
  done
  echo "gnc: the cluster did not come up within 60 s; see $STATE/*.log" >&2
  exit 1
}

# Workers the master reports ALIVE, from its JSON status page.
workers_alive() {
  curl -s --max-time 2 "http://127.0.0.1:$MASTER_UI/json/" 2>/dev/null | grep -o '"state" *: *"ALIVE"' | wc -l \
    || echo 0
}

status() {
  local up=0
  for n in master worker-1 worker-2; do
    if alive "$STATE/$n.pid"; then echo "$n: running (pid $(cat "$STATE/$n.pid"))"; up=$((up + 1)); else echo "$n: stopped"; fi
  done
  if alive "$STATE/master.pid"; then echo "master $MASTER_URL reports $(workers_alive) alive workers"; fi
  [[ $up -eq 3 ]]
}

stop() {
  for n in worker-1 worker-2 master; do
    if alive "$STATE/$n.pid"; then kill "$(cat "$STATE/$n.pid")"; fi
    rm -f "$STATE/$n.pid"
  done
  echo "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) sed -n '2,10p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
esac
