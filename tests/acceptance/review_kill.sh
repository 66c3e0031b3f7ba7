#!/usr/bin/env bash
# Crash safety of review saves: tests/tools/review_saver rewrites a review file in a loop (as
# the UI does after every change) and is killed with SIGKILL at random moments, 300 times.
# After each kill the file must parse and hold either the state of the last save reported done
# or the one after it (a save that reached its rename), never a mix; then the next save must
# leave no temporary files behind in the directory.
set -uo pipefail
bin=${POLCMP_BIN:?}
saver=${POLCMP_SAVER:-$(dirname "$bin")/tests/review_saver}
rounds=${REVIEW_KILL_ROUNDS:-300}
[ -x "$saver" ] || { echo "review_saver not built ($saver)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
file=$tmp/polcmp-review.yaml
fails=0
fail() { echo "FAIL (round $r): $*"; fails=$((fails + 1)); }

# One first save so every round starts from a complete file.
"$saver" "$file" 1 >/dev/null || { echo "the first save failed"; exit 1; }
RANDOM=$$
start=$SECONDS
for ((r = 1; r <= rounds; r++)); do
    "$saver" "$file" >"$tmp/log" 2>"$tmp/err" &
    pid=$!
    # 0 to ~60 ms: from before the first save to in the middle of a later one.
    sleep "0.0$((RANDOM % 6))$((RANDOM % 10))"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    [ -s "$tmp/err" ] && fail "the saver said: $(head -1 "$tmp/err")"
    last=$(sed -n 's/^saved //p' "$tmp/log" | tail -1)
    if ! state=$("$saver" --check "$file" 2>"$tmp/checkerr"); then
        fail "the file does not read back: $(head -1 "$tmp/checkerr")"
        cp "$file" "$tmp/../review-kill-broken.yaml" 2>/dev/null
        break
    fi
    if [ -n "$last" ] && [ "$state" != "$last" ] && [ "$state" != $((last + 1)) ]; then
        fail "state $state after the last reported save $last"
    fi
    if [ $((SECONDS - start)) -gt 90 ]; then
        echo "stopping after $r rounds: over 90 s"
        break
    fi
done
echo "review_kill: $((r > rounds ? rounds : r)) kills in $((SECONDS - start)) s, last state ${state:-?}"

# What the kills left: temporary files from saves cut short. The next save must clean them.
left=$(find "$tmp" -maxdepth 1 -name '.polcmp-review.yaml.*' | wc -l)
"$saver" "$file" 1 >/dev/null || fail "a save after the kills failed"
after=$(find "$tmp" -maxdepth 1 -name '.polcmp-review.yaml.*' | wc -l)
echo "temporary files left by the kills: $left; after the next save: $after"
[ "$after" = 0 ] || fail "$after temporary files stay beside the review file after a clean save"
"$saver" --check "$file" >/dev/null || fail "the file does not read after the last save"

# A save that cannot be written (a full disk, by RLIMIT_FSIZE; a read-only directory) fails with
# a message naming the file, leaves the file as it was and keeps the decisions for a retry.
# Root writes through permissions, so as root (as CI runs) the directory is made read-only by
# a read-only bind mount in a mount namespace of its own, or failing that by chattr +i; when
# neither is possible the case fails rather than pass unchecked.
r=full
mkdir "$tmp/full"
"$saver" --full "$tmp/full/polcmp-review.yaml" >"$tmp/log" 2>"$tmp/err" || fail "$(head -1 "$tmp/err")"
grep -q '^blocked save: .*polcmp-review.yaml' "$tmp/log" || fail "no message for the blocked save"
[ -z "$(find "$tmp/full" -name '.polcmp-review.yaml.*')" ] || fail "a failed save left a temporary file"
r=readonly
ro=$tmp/ro
mkdir "$ro"
readonly_save() { # RUNNER... : the blocked save, the directory blocked by the commands given
    "$@" "$saver" --blocked-by "$on" "$off" "$ro/polcmp-review.yaml" >"$tmp/log" 2>"$tmp/err"
}
bind_on="mount --bind '$ro' '$ro' && mount -o remount,bind,ro '$ro'"
rc=1
if [ "${REVIEW_KILL_READONLY:-}" = none ]; then # (to see this case fail: nothing blocks)
    how=none on=true off=true
    readonly_save env; rc=$?
elif [ "$(id -u)" != 0 ]; then
    how=chmod on="chmod 555 '$ro'" off="chmod 755 '$ro'"
    readonly_save env; rc=$?
elif unshare -m sh -c "$bind_on" 2>/dev/null; then
    how="a read-only bind mount" on=$bind_on off="umount '$ro'"
    readonly_save unshare -m; rc=$?
elif chattr +i "$ro" 2>/dev/null && chattr -i "$ro"; then
    how="chattr +i" on="chattr +i '$ro'" off="chattr -i '$ro'"
    readonly_save env; rc=$?
else
    how="no way to make a directory read-only for root (unshare -m, chattr)"
    echo "$how" >"$tmp/err"
fi
echo "read-only directory ($how): exit $rc"
[ $rc = 0 ] || fail "$(head -1 "$tmp/err")"
grep -q '^blocked save: .*polcmp-review.yaml' "$tmp/log" || fail "no message for the read-only save"

[ $fails = 0 ] || { echo "review_kill: $fails failure(s)"; exit 1; }
echo "review_kill: passed"
