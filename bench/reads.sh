#!/usr/bin/env bash
# Reads at scale (issue 28): ./bench/reads.sh [invoices=1000000] [runs=20]
# Writes a company's history straight into PostgreSQL (SPRING_DATASOURCE_URL/USERNAME/PASSWORD if set, else a
# local database encaisse_bench, dropped and created again), then times the dashboard, aging, DSO, lists, a
# document and a customer page over HTTP (p50/p95) and prints the plans of the aging queries.
# BENCH_REUSE=true keeps a database already loaded with at least that many invoices.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
if [ "${BENCH_REUSE:-}" != true ]; then bench_database; else export SPRING_DATASOURCE_URL=${SPRING_DATASOURCE_URL:-jdbc:postgresql://127.0.0.1:5432/encaisse_bench} SPRING_DATASOURCE_USERNAME=${SPRING_DATASOURCE_USERNAME:-encaisse} SPRING_DATASOURCE_PASSWORD=${SPRING_DATASOURCE_PASSWORD:-encaisse}; fi
bench_run io.encaisse.bench.ReadsBenchmark "$@"
