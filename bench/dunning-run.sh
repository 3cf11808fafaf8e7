#!/usr/bin/env bash
# The dunning run at scale (issue 23): ./bench/dunning-run.sh [invoices=1000000] [customers=100000]
# Writes open invoices straight into PostgreSQL (SPRING_DATASOURCE_URL/USERNAME/PASSWORD if set, else a local
# database encaisse_bench, dropped and created again), then times a dry run, a run and a second run the same day.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_database
bench_run io.encaisse.bench.DunningRunBenchmark "$@"
