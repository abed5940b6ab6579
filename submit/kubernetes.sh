#!/usr/bin/env bash
# Runs a spec on Kubernetes through spark-submit (deploy mode cluster).
#   submit/kubernetes.sh K8S_API_URL IMAGE SPEC_IN_IMAGE --run-dir s3a://bucket/runs/NAME [gnc run options]
# IMAGE: a Spark 4.2 (Scala 2.13) image with the application jar at /opt/gnc/gnc.jar and the
# specs at /opt/gnc/jobs/, e.g. built FROM apache/spark:4.2.0 with
#   COPY target/gnc.jar /opt/gnc/gnc.jar
#   COPY jobs /opt/gnc/jobs
# SPEC_IN_IMAGE: the spec's path inside the image (e.g. /opt/gnc/jobs/quick.json). The run
# directory must be shared storage (S3A, HDFS, a shared volume). Extra settings, e.g. the
# namespace and service account: SPARK_SUBMIT_OPTS_EXTRA="--conf spark.kubernetes.namespace=gnc
# --conf spark.kubernetes.authenticate.driver.serviceAccountName=spark".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [[ $# -lt 3 ]]; then
  sed -n '2,12p' "${BASH_SOURCE[0]}" >&2; exit 2
fi
api="$1"; image="$2"; spec="$3"; shift 3
# shellcheck disable=SC2086
spark_submit --master "k8s://$api" --deploy-mode cluster --name gnc \
  --properties-file "$GNC_HOME/conf/spark-defaults.conf" \
  --conf spark.kubernetes.container.image="$image" ${SPARK_SUBMIT_OPTS_EXTRA:-} \
  --class gnc.cli.Main local:///opt/gnc/gnc.jar run "$spec" "$@"
