#!/usr/bin/env bash
# Runs the pricing benchmark (issue 3) on one thread: ./bench/pricing.sh [extra JMH options]
set -euo pipefail
cd "$(dirname "$0")/.."
jdk_ok() { "$1" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; }
if ! jdk_ok "${JAVA_HOME:+$JAVA_HOME/bin/}java"; then
  for jdk in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    if [ -x "${jdk}bin/javac" ] && jdk_ok "${jdk}bin/java"; then export JAVA_HOME="${jdk%/}"; break; fi
  done
fi
./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true clean test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main \
  'io.encaisse.catalog.PricingBenchmark' -rf text -rff target/pricing-bench.txt "$@"
