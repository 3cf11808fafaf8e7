#!/usr/bin/env bash
# The bad-input battery at full size (issue 21): every case of the API fuzzer (about 20,000 per database) and
# every form case of the web fuzzer, instead of the bounded numbers .ci/run runs.
#   ./bench/fuzz.sh [seed=20261207]
# On PostgreSQL when SPRING_DATASOURCE_URL is set (each battery in a schema of its own), and always on H2.
# A failure lists each case: method, path, what was changed, the answer, the tables written.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
./mvnw -B -q test -Dtest='ApiFuzzTests,ApiFuzzOnH2Tests,WebFuzzTests' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dencaisse.fuzz.cases=1000000 -Dencaisse.fuzz.forms=1000000 -Dencaisse.fuzz.seed="${1:-20261207}"
grep -h "Fuzzed\|Web fuzz\|Refused by the database" target/surefire-reports/io.encaisse.fuzz.*-output.txt | sed 's/^.* : //'
