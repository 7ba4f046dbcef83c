#!/usr/bin/env bash
# Fuzzes every Jazzer target in turn (Jazzer fuzzes one target per JVM), each for
# io.bedside.support.Fuzzing.PER_TARGET. A crash stops that target, is saved under
# src/test/resources/<package>/<Class>Inputs/<method>/ and is replayed by every later build.
# Usage: scripts/fuzz.sh [Class#method ...]   (default: every @FuzzTest under src/test/java)
set -uo pipefail
cd "$(dirname "$0")/.."

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  while IFS= read -r file; do
    class=$(basename "$file" .java)
    for method in $(grep -A1 '@FuzzTest' "$file" | grep -oE 'void [a-zA-Z]+' | cut -d' ' -f2); do
      targets+=("$class#$method")
    done
  done < <(grep -rl '@FuzzTest' src/test/java | sort)
fi

failed=0
log=$(mktemp)
for target in "${targets[@]}"; do
  echo "== fuzzing $target"
  ./mvnw -q test -Pfuzz -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1
  status=$?
  # libFuzzer's closing figures, and any finding.
  grep -E 'stat::number_of_executed_units|Done [0-9]+ runs|FuzzTestFinding|Java Exception|Tests run:' "$log" | sort -u
  if [ $status -ne 0 ]; then
    failed=1
    echo "   finding (or failure) for $target: see target/surefire-reports and $log"
    log=$(mktemp)
  fi
done
exit $failed
