# Shared by the bench scripts: a JDK 21+ (JAVA_HOME, else the newest under /usr/lib/jvm), and the test classpath.
jdk_ok() { "$1" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; }
if ! jdk_ok "${JAVA_HOME:+$JAVA_HOME/bin/}java"; then
  for jdk in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    if [ -x "${jdk}bin/javac" ] && jdk_ok "${jdk}bin/java"; then export JAVA_HOME="${jdk%/}"; break; fi
  done
fi

# PostgreSQL for the application benchmarks: SPRING_DATASOURCE_URL/USERNAME/PASSWORD if set, else a local
# database encaisse_bench, dropped and created again (as .ci/run sets PostgreSQL up).
bench_database() {
  if [ -n "${SPRING_DATASOURCE_URL:-}" ]; then return; fi
  as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  local port
  port=$(pg_lsclusters -h 2>/dev/null | awk 'NR==1{print $3}'); port=${port:-5432}
  psql_admin() { as_root runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA "$@"; }
  if [ "$(psql_admin -c "select count(*) from pg_roles where rolname = 'encaisse'")" = 0 ]; then
    psql_admin -c "create role encaisse login password 'encaisse'"
  fi
  psql_admin -c "drop database if exists encaisse_bench" -c "create database encaisse_bench owner encaisse"
  # a benchmark may write the set-up's pages out before it measures (CHECKPOINT; PostgreSQL 15 and later)
  psql_admin -c "grant pg_checkpoint to encaisse" 2>/dev/null || true
  export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$port/encaisse_bench?reWriteBatchedInserts=true"
  export SPRING_DATASOURCE_USERNAME=encaisse SPRING_DATASOURCE_PASSWORD=encaisse
}

# The test classes and their classpath, then the benchmark's main class with its arguments.
bench_run() {
  local main=$1; shift
  ./mvnw -B -q -DskipTests -Dspring-javaformat.skip=true test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
  "$JAVA_HOME/bin/java" -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    "$main" "$@"
}
