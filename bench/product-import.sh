#!/usr/bin/env bash
# The products and prices CSV import (issue 21): ./bench/product-import.sh [lines=100000]
# Runs on PostgreSQL: SPRING_DATASOURCE_URL/USERNAME/PASSWORD if set, else a local database encaisse_bench
# (dropped and created again), as .ci/run sets PostgreSQL up.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
bench_database
bench_run io.encaisse.bench.ProductImportBenchmark "$@"
