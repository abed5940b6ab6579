#!/usr/bin/env bash
# Runs a spec on Kubernetes through spark-submit (deploy mode cluster: the driver in a pod).
#   submit/kubernetes.sh K8S_API_URL IMAGE SPEC_IN_IMAGE --run-dir URI [gnc run options]
# K8S_API_URL: the API server, https://HOST:PORT. IMAGE: built by the project's Dockerfile (FROM
# apache/spark:4.2.0, the jar at /opt/gnc/gnc.jar, jobs/ at /opt/gnc/jobs/). SPEC_IN_IMAGE: the
# spec's path in the image, e.g. /opt/gnc/jobs/quick.json (checked against jobs/ here). --run-dir:
# shared storage as a URI (hdfs://, s3a://: the base image has no S3A connector, add hadoop-aws to
# it; file:// for a volume mounted in every pod). SPARK_HOME: a Spark 4.2 distribution (Scala
# 2.13); without it, Spark from Maven jars (target/spark-home). Extra settings, e.g. namespace and
# service account: SPARK_SUBMIT_OPTS_EXTRA="--conf spark.kubernetes.namespace=gnc
# --conf spark.kubernetes.authenticate.driver.serviceAccountName=spark".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [[ $# -lt 3 ]]; then
  sed -n '2,11p' "${BASH_SOURCE[0]}" >&2; exit 2
fi
api="$1"; image="$2"; spec="$3"; shift 3
if [[ ! "$api" =~ ^https?://[^/[:space:]]+/?$ ]]; then
  echo "gnc: K8S_API_URL $api: give the API server as https://HOST:PORT" >&2; exit 2
fi
if [[ -z "$image" || "$image" =~ [[:space:]] ]]; then
  echo "gnc: IMAGE '$image': give the image's name, e.g. registry.example.com/gnc:1" >&2; exit 2
fi
if [[ "$spec" != /* ]]; then
  echo "gnc: SPEC_IN_IMAGE $spec: give the spec's absolute path inside the image, e.g. /opt/gnc/jobs/quick.json" >&2; exit 2
fi
if [[ "$spec" == /opt/gnc/jobs/* && ! -f "$GNC_HOME/jobs/${spec#/opt/gnc/jobs/}" ]]; then
  echo "gnc: SPEC_IN_IMAGE $spec: the image's /opt/gnc/jobs/ is this project's jobs/, which has no ${spec#/opt/gnc/jobs/}" >&2; exit 2
fi
check_shared_run_dir "$@"
# shellcheck disable=SC2086
spark_submit --master "k8s://$api" --deploy-mode cluster --name gnc \
  --properties-file "$GNC_HOME/conf/spark-defaults.conf" \
  --conf spark.kubernetes.container.image="$image" \
  --conf spark.driver.extraJavaOptions=-Dlog4j2.configurationFile=/opt/gnc/conf/log4j2.properties \
  --conf spark.executor.extraJavaOptions=-Dlog4j2.configurationFile=/opt/gnc/conf/log4j2.properties \
  ${SPARK_SUBMIT_OPTS_EXTRA:-} \
  --class gnc.cli.Main local:///opt/gnc/gnc.jar run "$spec" "$@"
