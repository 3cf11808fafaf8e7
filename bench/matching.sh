#!/usr/bin/env bash
# Runs the matching benchmark (issue 6): ./bench/matching.sh [invoices=1000000] [entries=100000] [seed=42]
# Generates the data and a camt.053 file under target/bench/, then times reading and matching it, under -Xmx1g.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -Xms1g -Xmx1g -XX:+UseParallelGC \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.encaisse.bench.MatchingBenchmark "$@"
