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
for target in "${targets[@]}"; do
  echo "== fuzzing $target"
  if ! ./mvnw -q test -Pfuzz -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false 2>&1 \
      | grep -E '^#[0-9]+.*DONE|stat::number_of_executed_units|Java Exception|FuzzTestFinding|Tests run:|crash-'; then
    :
  fi
  if [ "${PIPESTATUS[0]}" -ne 0 ]; then
    failed=1
  fi
done
exit $failed
