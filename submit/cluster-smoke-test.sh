#!/usr/bin/env bash
# Integration check of the cluster scripts against a real standalone cluster on this machine
# (outside `mvn test`: it builds the jar and starts JVMs of its own; about two minutes):
# starts submit/local-cluster.sh (unless one is running), runs a small quick.json through
# submit/standalone.sh, checks the tables with `gnc query`, and stops the cluster it started.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
run_dir="$(mktemp -d)/quick"
started=0
if ! "$here/local-cluster.sh" status > /dev/null 2>&1; then
  "$here/local-cluster.sh" start
  started=1
fi
cleanup() { if [[ $started == 1 ]]; then "$here/local-cluster.sh" stop; fi; }
trap cleanup EXIT

"$here/standalone.sh" spark://127.0.0.1:7077 "$here/../jobs/quick.json" --draws 20000 --seeds 2 --run-dir "$run_dir"
trials="$("$here/gnc" query "$run_dir" "SELECT COUNT(*) AS n, SUM(draws) AS draws FROM trials" --csv | tail -1)"
if [[ "$trials" != "6,120000" ]]; then
  echo "cluster smoke test FAILED: expected 6 trials of 120000 draws in all, got '$trials'" >&2
  exit 1
fi
echo "cluster smoke test passed: $run_dir"
