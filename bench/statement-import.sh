#!/usr/bin/env bash
# The application's statement import end to end (issue 6): ./bench/statement-import.sh [invoices=20000] [entries=5000]
# Runs on PostgreSQL: SPRING_DATASOURCE_URL/USERNAME/PASSWORD if set, else a local database encaisse_bench
# (dropped and created again), as .ci/run sets PostgreSQL up.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_database
bench_run io.encaisse.bench.StatementImportBenchmark "$@"
