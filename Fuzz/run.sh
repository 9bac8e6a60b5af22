#!/usr/bin/env bash
# Builds the libFuzzer harness and fuzzes prosegraph's readers, one target at a
# time, niced (see Fuzz/README.md).
#
#   Fuzz/run.sh                    # every target
#   Fuzz/run.sh turtle jsonld      # some targets
#
# Each target runs until FUZZ_TIME seconds or FUZZ_RUNS executions, whichever
# comes first. Environment:
#   FUZZ_TIME=600        seconds per target (libFuzzer -max_total_time)
#   FUZZ_RUNS=1000000    executions per target (libFuzzer -runs)
#   FUZZ_MAX_LEN=8192    largest input libFuzzer makes (bytes)
#   FUZZ_WORK=DIR        work directory (default .build-fuzz-work: seeds, corpus, artifacts, logs)
#   FUZZ_ARGS="..."      more libFuzzer flags, e.g. "-seed=1"
#   FUZZ_NO_BUILD=1      use the harness already built
#   FUZZ_SNAPSHOT=1      fuzz the last commit (git archive HEAD, plus this Fuzz/ folder)
#                        instead of the working tree, when others are mid-edit in it
set -euo pipefail

FUZZ_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$FUZZ_DIR/.." && pwd)"
WORK="${FUZZ_WORK:-$ROOT/.build-fuzz-work}"
SCRATCH="$ROOT/.build-fuzz"
TIME="${FUZZ_TIME:-600}"
RUNS="${FUZZ_RUNS:-1000000}"
MAX_LEN="${FUZZ_MAX_LEN:-8192}"
ALL=(article ntriples nquads turtle trig rdfxml jsonld graphml rdfpatch shacl-shapes rules)
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=("${ALL[@]}")
for t in "${TARGETS[@]}"; do
    [[ " ${ALL[*]} " == *" $t "* ]] || { echo "run.sh: unknown target '$t' (targets: ${ALL[*]})" >&2; exit 2; }
done

dict_for() {
    case "$1" in
        turtle|trig|shacl-shapes) echo turtle ;;
        ntriples|nquads|rdfpatch) echo ntriples ;;
        *) echo "$1" ;;
    esac
}

# --- Build --------------------------------------------------------------------
# swiftc keeps only the last -sanitize= flag, so SwiftPM's `--sanitize fuzzer
# --sanitize address` would compile without coverage; one combined
# -sanitize=fuzzer,address for Swift code, the same for C code (Yams's libyaml).
# `--sanitize fuzzer` is still passed so that SwiftPM leaves `main` to libFuzzer.
PACKAGE="$FUZZ_DIR"
if [ "${FUZZ_SNAPSHOT:-0}" = 1 ]; then
    SRC="$ROOT/.build-fuzz-src"
    rm -rf "$SRC" && mkdir -p "$SRC"
    git -C "$ROOT" archive HEAD | tar -x -C "$SRC"
    rm -rf "$SRC/Fuzz" && cp -R "$FUZZ_DIR" "$SRC/Fuzz"
    PACKAGE="$SRC/Fuzz"
    echo "fuzzing a snapshot of $(git -C "$ROOT" rev-parse --short HEAD) in $SRC"
fi
if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
    nice -n 10 swift build -c release --package-path "$PACKAGE" --scratch-path "$SCRATCH" \
        --sanitize fuzzer -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address \
        -Xswiftc -use-ld=lld
fi
BIN="$SCRATCH/release/prosegraph-fuzz"
[ -x "$BIN" ] || { echo "run.sh: $BIN was not built" >&2; exit 1; }

# --- Seeds --------------------------------------------------------------------
mkdir -p "$WORK"
python3 "$FUZZ_DIR/make_seeds.py" "$WORK" "${TARGETS[@]}"

# --- Fuzz, one target at a time -----------------------------------------------
SUMMARY="$WORK/summary.tsv"
[ -f "$SUMMARY" ] || printf 'date\ttarget\tstatus\texecutions\tseconds\tcorpus\tfindings\n' > "$SUMMARY"
RESULTS=()
for t in "${TARGETS[@]}"; do
    dir="$WORK/$t"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    log="$dir/fuzz-$(date +%Y%m%d-%H%M%S).log"
    before=$(ls "$dir/artifacts" | wc -l)
    echo "== $t: up to ${TIME}s or $RUNS runs (log: $log)"
    start=$(date +%s)
    set +e
    # detect_leaks: LeakSanitizer after every input that allocated more than it freed.
    # SWIFT_BACKTRACE: the Swift runtime's own crash backtracer, on a trap, forks a
    # swift-backtrace that trips over ASan and lingers; libFuzzer prints the stack itself.
    (cd "$dir" && PG_FUZZ_TARGET="$t" ASAN_OPTIONS="detect_leaks=1:symbolize=1" SWIFT_BACKTRACE=enable=no nice -n 10 "$BIN" \
        -max_total_time="$TIME" -runs="$RUNS" -timeout=10 -rss_limit_mb=2048 -max_len="$MAX_LEN" \
        -dict="$FUZZ_DIR/dict/$(dict_for "$t").dict" -artifact_prefix="$dir/artifacts/" \
        -print_final_stats=1 ${FUZZ_ARGS:-} corpus seeds) > "$log" 2>&1
    rc=$?
    set -e
    seconds=$(( $(date +%s) - start ))
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
    [ -n "$execs" ] || execs=$(grep -o '^Done [0-9]* runs' "$log" | tail -1 | grep -o '[0-9]*' || true)
    [ -n "$execs" ] || execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#' || true)
    corpus=$(ls "$dir/corpus" | wc -l)
    new=$(ls -t "$dir/artifacts" | head -n $(( $(ls "$dir/artifacts" | wc -l) - before )) | tr '\n' ' ')
    if [ $rc -eq 0 ]; then status=clean; else
        status=$(grep -o 'ERROR: [A-Za-z]*Sanitizer: [a-z-]*\|ERROR: libFuzzer: [a-z-]*\|Fatal error\|deadly signal' "$log" | head -1 | tr ' ' '_' || true)
        [ -n "$status" ] || status="exit-$rc"
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -Iseconds)" "$t" "$status" "${execs:-?}" "$seconds" "$corpus" "${new:--}" >> "$SUMMARY"
    RESULTS+=("$(printf '%-13s %-28s %12s %7ss %7s  %s' "$t" "$status" "${execs:-?}" "$seconds" "$corpus" "${new:--}")")
done

echo
printf '%-13s %-28s %12s %8s %7s  %s\n' target status executions time corpus findings
for r in "${RESULTS[@]}"; do echo "$r"; done
echo "summary: $SUMMARY"
