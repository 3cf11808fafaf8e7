#!/usr/bin/env bash
# Runs the pricing benchmark (issue 3) on one thread: ./bench/pricing.sh [extra JMH options]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true clean test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main \
  'io.encaisse.catalog.PricingBenchmark' -rf text -rff target/pricing-bench.txt "$@"
