#!/usr/bin/env bash
# The slow fault-injection cases (the fast ones are RunFaultsTest in `mvn test`): a run killed
# with SIGKILL at many moments (while computing, while building its tables, inside its commit),
# damaged unit files, two runs started together on one directory, a full disk. After each, the
# tables a reader sees are either the previous generation or the complete new one, equal bit for
# bit to an uninterrupted run's (compared by a per-table fingerprint computed with Spark SQL).
#   submit/fault-injection.sh [WORK_DIR]        (about 15 minutes on 2 cores)
set -uo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gnc="$home/submit/gnc"
work="${1:-$(mktemp -d /tmp/gnc-faults.XXXXXX)}"
mkdir -p "$work"
export SPARK_LOCAL_IP=127.0.0.1
cases=0
failures=0

spec="$work/faults.json"
cat > "$spec" <<'EOF'
{
  "name": "faults",
  "sweep": {"widths": [5, 40], "depth": 2},
  "gnc": {"methods": ["gnc", "subset"], "eps": 0.05, "draws": 3000000, "block_size": 100000,
          "keep_threshold": 0.08},
  "subset": {"replicas": 3, "samples": 400, "p0": 0.1, "moves_per_state": 3},
  "gd": {"lr": 0.01, "epochs": 3000, "init_scale": 0.001},
  "seeds": 3
}
EOF

# One line per table: name, rows, and the sum of a hash of every row (gd's wall seconds left out).
fingerprint() {
  local run="$1" sql="" t
  for t in blocks accepted trials summary subset; do
    sql+="SELECT '$t' AS t, COUNT(*) AS n, SUM(CAST(xxhash64(*) AS DECIMAL(38, 0))) AS h FROM $t UNION ALL "
  done
  sql+="SELECT 'gd', COUNT(*), SUM(CAST(xxhash64(method, width, depth, seed, lr, init_scale, momentum, epochs,"
  sql+=" train_loss, gen_loss) AS DECIMAL(38, 0))) FROM gd ORDER BY t"
  "$gnc" query "$run" "$sql" --csv 2>/dev/null
}

check() { # check NAME CONDITION-TEXT EXIT-STATUS
  cases=$((cases + 1))
  if [[ "$3" == 0 ]]; then echo "ok   $1"; else echo "FAIL $1: $2"; failures=$((failures + 1)); fi
}

same_as() { # same_as RUN REFERENCE-FINGERPRINT-FILE
  diff <(fingerprint "$1") "$2" > /dev/null
}

echo "== reference runs in $work"
"$gnc" run "$spec" --run-dir "$work/reference" > "$work/reference.log" 2>&1 || { cat "$work/reference.log"; exit 1; }
fingerprint "$work/reference" > "$work/reference.fp"
"$gnc" run "$spec" --seeds 2 --run-dir "$work/reference-2" > "$work/reference-2.log" 2>&1 || exit 1
fingerprint "$work/reference-2" > "$work/reference-2.fp"
grep -q '^blocks,' "$work/reference.fp" || { echo "the reference has no tables"; exit 1; }

# A run killed after $2 seconds (fresh directory, or extending a finished 2-seed run), then the
# tables a reader sees now, then the run finished by running it again.
kill_at() {
  local name="$1" delay="$2" base="$3" run="$work/kill-$1"
  rm -rf "$run"
  if [[ "$base" == extend ]]; then cp -r "$work/reference-2" "$run"; fi
  "$gnc" run "$spec" --run-dir "$run" > "$run.log" 2>&1 &
  local pid=$!
  sleep "$delay"
  pkill -9 -P "$pid" 2>/dev/null; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  if [[ "$base" == extend ]]; then
    fingerprint "$run" > "$run.mid.fp"
    diff -q "$run.mid.fp" "$work/reference-2.fp" > /dev/null || diff -q "$run.mid.fp" "$work/reference.fp" > /dev/null
    check "$name: after the kill the tables are the old or the new generation" "a mix" $?
  else
    [[ ! -d "$run/_commits" ]] || same_as "$run" "$work/reference.fp"
    check "$name: after the kill there are no tables or complete ones" "partial tables" $?
  fi
  "$gnc" run "$spec" --run-dir "$run" > "$run.resume.log" 2>&1
  check "$name: the rerun succeeds" "rc $?" $?
  same_as "$run" "$work/reference.fp"
  check "$name: then the tables equal the uninterrupted run's" "tables differ" $?
}

echo "== kill -9 at moments of a run"
for d in 3 6 9 12 16 20 25 30 40; do kill_at "fresh-${d}s" "$d" fresh; done
for d in 5 10 15 20 25 30; do kill_at "extend-${d}s" "$d" extend; done

echo "== kill -9 inside the commit (once the last table is staged)"
for i in 1 2 3 4 5 6 7 8; do
  run="$work/commit-$i"
  rm -rf "$run"; cp -r "$work/reference-2" "$run"
  "$gnc" run "$spec" --run-dir "$run" > "$run.log" 2>&1 &
  pid=$!
  until compgen -G "$run/_staging/*/manifest/_SUCCESS" > /dev/null || ! kill -0 "$pid" 2>/dev/null; do sleep 0.02; done
  sleep "0.0$((RANDOM % 10))"
  pkill -9 -P "$pid" 2>/dev/null; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  fingerprint "$run" > "$run.mid.fp"
  diff -q "$run.mid.fp" "$work/reference-2.fp" > /dev/null || diff -q "$run.mid.fp" "$work/reference.fp" > /dev/null
  check "commit-$i: the tables are the old or the new generation" "a mix" $?
  "$gnc" run "$spec" --run-dir "$run" > "$run.resume.log" 2>&1 && same_as "$run" "$work/reference.fp"
  check "commit-$i: after a rerun they equal the uninterrupted run's" "tables differ" $?
done

echo "== damaged unit files"
for damage in truncate garbage empty-dir swap; do
  run="$work/damage-$damage"
  rm -rf "$run"; cp -r "$work/reference" "$run"
  files=("$run"/_units/*.units)
  case "$damage" in
    truncate) truncate -s 100 "${files[0]}" ;;
    garbage) head -c 5000 /dev/urandom > "${files[1]}" ;;
    empty-dir) rm -f "${files[0]}"; mkdir "${files[0]}" ;;
    swap) cp "${files[0]}" "${files[1]}" ;;
  esac
  "$gnc" run "$spec" --run-dir "$run" > "$run.log" 2>&1
  check "$damage: the rerun succeeds" "rc $?" $?
  [[ "$damage" == swap ]] || grep -q "is damaged" "$run.log"
  check "$damage: one warning line names the file" "no warning" $?
  same_as "$run" "$work/reference.fp"
  check "$damage: the tables equal the uninterrupted run's" "tables differ" $?
done

echo "== two runs started together on one directory"
run="$work/concurrent"
rm -rf "$run"
"$gnc" run "$spec" --run-dir "$run" > "$run.a.log" 2>&1 & a=$!
"$gnc" run "$spec" --seeds 1 --run-dir "$run" > "$run.b.log" 2>&1 & b=$!
wait $a; ra=$?; wait $b; rb=$?
[[ ( $ra == 0 && $rb == 2 ) || ( $ra == 2 && $rb == 0 ) ]]
check "concurrent: one runs, the other is refused with exit code 2 (got $ra and $rb)" "both or neither" $?
grep -qh "is in use by another gnc run" "$run.a.log" "$run.b.log"
check "concurrent: the refusal names the run that holds the directory" "no such line" $?
"$gnc" run "$spec" --run-dir "$run" > "$run.c.log" 2>&1 && same_as "$run" "$work/reference.fp"
check "concurrent: afterwards the full run's tables equal the uninterrupted run's" "tables differ" $?

echo "== a full disk"
full="$work/full-disk"
mkdir -p "$full"
if mount -t tmpfs -o size=100m tmpfs "$full" 2>/dev/null; then
  "$gnc" run "$spec" --run-dir "$full/run" > "$work/full.log" 2>&1 &
  pid=$!
  sleep 4   # past the up-front free-space check: now fill the disk under the running job
  dd if=/dev/zero of="$full/junk" bs=1M > /dev/null 2>&1
  wait $pid
  rc=$?
  [[ $rc != 0 ]] && grep -q "^gnc: " "$work/full.log"
  check "full disk: the run fails with a message (rc $rc)" "no failure or no message" $?
  [[ ! -d "$full/run/_commits" ]]
  check "full disk: no tables are committed" "tables present" $?
  rm -f "$full/junk"
  "$gnc" run "$spec" --run-dir "$full/run" > "$work/full-resume.log" 2>&1 && same_as "$full/run" "$work/reference.fp"
  check "full disk: with room again the rerun's tables equal the uninterrupted run's" "tables differ" $?
  umount "$full"
else
  echo "skip full disk: cannot mount a tmpfs here (needs root)"
fi

echo "== $cases cases, $failures failures (work folder: $work)"
[[ $failures == 0 ]]
