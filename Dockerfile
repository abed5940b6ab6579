# The image submit/kubernetes.sh runs gnc in: Spark 4.2.0 (Scala 2.13) with gnc's application jar
# and specs at the paths the script passes to spark-submit.
#   mvn -B -DskipTests package            # target/gnc.jar
#   docker build -t REGISTRY/gnc:TAG .    # .dockerignore sends only the jar, jobs/ and conf/
#   docker push REGISTRY/gnc:TAG
# Spark, its Hadoop client and its Kubernetes client come with the base image, which runs as the
# unprivileged user spark (uid 185); the files below are readable by it.
FROM apache/spark:4.2.0
COPY target/gnc.jar /opt/gnc/gnc.jar
COPY jobs /opt/gnc/jobs
COPY conf/log4j2.properties /opt/gnc/conf/log4j2.properties
