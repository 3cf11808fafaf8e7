#!/usr/bin/env bash
# Runs the matching benchmark (issue 6): ./bench/matching.sh [invoices=1000000] [entries=100000] [seed=42]
# Generates the data and a camt.053 file under target/bench/, then times reading and matching it, under -Xmx1g.
set -euo pipefail
cd "$(dirname "$0")/.."
jdk_ok() { "$1" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; }
if ! jdk_ok "${JAVA_HOME:+$JAVA_HOME/bin/}java"; then
  for jdk in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    if [ -x "${jdk}bin/javac" ] && jdk_ok "${jdk}bin/java"; then export JAVA_HOME="${jdk%/}"; break; fi
  done
fi
./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -Xms1g -Xmx1g -XX:+UseParallelGC \
  -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" io.encaisse.bench.MatchingBenchmark "$@"
