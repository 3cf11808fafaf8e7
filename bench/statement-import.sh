#!/usr/bin/env bash
# The application's statement import end to end (issue 6): ./bench/statement-import.sh [invoices=20000] [entries=5000]
# Runs on PostgreSQL: SPRING_DATASOURCE_URL/USERNAME/PASSWORD if set, else a local database encaisse_bench
# (dropped and created again), as .ci/run sets PostgreSQL up.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
if [ -z "${SPRING_DATASOURCE_URL:-}" ]; then
  as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  port=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1{print $3}'); port=${port:-5432}
  psql_admin() { as_root runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA "$@"; }
  if [ "$(psql_admin -c "select count(*) from pg_roles where rolname = 'encaisse'")" = 0 ]; then
    psql_admin -c "create role encaisse login password 'encaisse'"
  fi
  psql_admin -c "drop database if exists encaisse_bench" -c "create database encaisse_bench owner encaisse"
  export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$port/encaisse_bench?reWriteBatchedInserts=true"
  export SPRING_DATASOURCE_USERNAME=encaisse SPRING_DATASOURCE_PASSWORD=encaisse
fi
./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  io.encaisse.bench.StatementImportBenchmark "$@"
