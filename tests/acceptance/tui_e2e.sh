#!/usr/bin/env bash
# tui_e2e.sh: the review UI in a real terminal (tmux send-keys / capture-pane): open three
# example policies, move, search, open a row side by side, jump to a finding, mark it
# reviewed, add a note, export, quit; reopen and see the decision still there. Also: resizing
# below the minimum, NO_COLOR and --color=never (no colour sequence), Ctrl-C giving the terminal back, a review file that does not
# parse; one of two contradictions in a cell dismissed (the cell, the status line and the
# exported matrix say so), a filtered export holding exactly the rows shown, replacing a file
# only when asked, the regime checklist (✓ with the clause, ✗ dismissed as not applicable), the
# mouse wheel, ASCII glyphs in a C locale and TERM=dumb refused.
set -euo pipefail
command -v tmux >/dev/null || { echo "tmux is not installed: skipped"; exit 77; }

work=$(mktemp -d)
sock="$work/tmux.sock"
T=(tmux -S "$sock")
cleanup() { "${T[@]}" kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
cp "$POLCMP_SRC"/examples/01-freshbox.txt "$POLCMP_SRC"/examples/02-kidquest.md \
   "$POLCMP_SRC"/examples/03-stridely.txt "$work/"

fail() { echo "FAIL: $*"; echo "--- screen"; screen || true; exit 1; }
screen() { "${T[@]}" capture-pane -p -t ui; }
keys() { "${T[@]}" send-keys -t ui "$@"; }
# Wait until the screen shows a pattern (grep -E), at most 10 s.
wait_for() {
    for _ in $(seq 1 100); do
        screen | grep -qE -- "$1" && return 0
        sleep 0.1
    done
    fail "timed out waiting for: $1"
}
# Start polcmp in a fresh session on the examples, or (with more arguments) on those; extra
# environment in $1. start_raw does not wait for the matrix.
start_raw() {
    local envs=$1
    shift
    local args=("$@")
    [[ ${#args[@]} -gt 0 ]] || args=(01-freshbox.txt 02-kidquest.md 03-stridely.txt)
    "${T[@]}" kill-session -t ui 2>/dev/null || true
    rm -f "$work/exit"
    "${T[@]}" new-session -d -s ui -x 120 -y 40 \
        "cd '$work' && env TERM=xterm-256color $envs '$POLCMP_BIN' ${args[*]}; echo EXITED=\$? > '$work/exit'; sleep 60"
}
start() {
    start_raw "$@"
    wait_for "matrix *$"
}
wait_exit() {
    for _ in $(seq 1 100); do
        [[ -s "$work/exit" ]] && return 0
        sleep 0.1
    done
    fail "polcmp did not exit"
}

# 1. The matrix, moving and searching.
start ""
screen | grep -q "01-freshbox" || fail "no policy column"
keys g j
wait_for "First-party collection and use: "
keys / retention Enter
wait_for "Data retention: "

# 2. Side by side on that row, and back.
keys Enter
wait_for "side *$"
keys q
wait_for "matrix *$"

# 3. Findings: jump, mark reviewed, annotate.
keys f
wait_for "findings *$"
keys '}' '{'
keys Space
wait_for "marked reviewed"
keys a
wait_for "^note:"
keys "checked with legal" Enter
wait_for "note saved"
grep -q "status: reviewed" "$work/polcmp-review.yaml" || fail "the review file has no reviewed decision"
grep -q "note: checked with legal" "$work/polcmp-review.yaml" || fail "the note was not saved"

# 4. Export what the reviewer sees, decisions included.
keys e
wait_for "export [0-9]+ findings to"
keys C-u "out.csv" Enter
wait_for "[0-9]+ findings -> out.csv"
[[ -s "$work/out.csv" ]] || fail "no out.csv"
grep -q "checked with legal" "$work/out.csv" || fail "the export lacks the reviewer's note"

# 5. Quit from the findings view (q closes it, q again quits).
keys q q
wait_exit
grep -q "EXITED=0" "$work/exit" || fail "exit status: $(cat "$work/exit")"

# 6. Reopen: the decision is still there.
start ""
keys f
wait_for "findings *$"
screen | grep -q "✓" || fail "the reviewed mark did not survive a restart"

# 7. Too small, then back.
"${T[@]}" resize-window -t ui -x 30 -y 6
wait_for "terminal too small"
"${T[@]}" resize-window -t ui -x 120 -y 40
wait_for "findings *$"

# 8. Ctrl-C gives the terminal back: the UI's screen is gone once polcmp has exited.
keys C-c
wait_exit
sleep 0.2
if screen | grep -q "polcmp:"; then fail "the UI's screen is still there after Ctrl-C"; fi

# 9. NO_COLOR: attributes, no colours.
start "NO_COLOR=1"
esc=$("${T[@]}" capture-pane -e -p -t ui)
if grep -qE $'\e\\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5|48;5)[;m]' <<<"$esc"; then
    fail "colour sequences with NO_COLOR set"
fi
grep -q $'\e\\[[0-9;]*7[;m]' <<<"$esc" || fail "no reverse video with NO_COLOR set"
keys Q
wait_exit

# ...and --color=never: no colour sequence at all, NO_COLOR or not.
start "" --color=never 01-freshbox.txt 02-kidquest.md 03-stridely.txt
esc=$("${T[@]}" capture-pane -e -p -t ui)
if grep -qE $'\e\\[([0-9;]*;)?(3[0-7]|4[0-7]|38;5|48;5)[;m]' <<<"$esc"; then
    fail "colour sequences with --color=never"
fi
grep -q $'\e\\[[0-9;]*7[;m]' <<<"$esc" || fail "no reverse video with --color=never"
keys Q
wait_exit

# 10. An 8-colour terminal gets the 8-colour palette, never 256-colour sequences.
start "TERM=xterm"
esc=$("${T[@]}" capture-pane -e -p -t ui)
grep -qE $'\e\\[([0-9;]*;)?3[0-7][;m]' <<<"$esc" || fail "no 8-colour sequences with TERM=xterm"
if grep -qE '38;5;' <<<"$esc"; then fail "256-colour sequences on an 8-colour terminal"; fi
keys Q
wait_exit

# 11. A review file that does not parse is reported and never overwritten.
printf 'polcmp-review: 1\ndecisions:\n  - policy: [unclosed\n' > "$work/polcmp-review.yaml"
cp "$work/polcmp-review.yaml" "$work/broken.orig"
start ""
wait_for "polcmp-review.yaml:[0-9]+:[0-9]+"
keys f
wait_for "findings *$"
keys Space
wait_for "go to a separate file when you quit"
keys Q Q
wait_exit
cmp -s "$work/polcmp-review.yaml" "$work/broken.orig" || fail "the broken review file was rewritten"
# ...and the decision made in that session is not lost: it went to a file beside it.
recovered=$(ls "$work"/polcmp-review.yaml.unsaved-*.yaml 2>/dev/null | head -1)
[[ -n "$recovered" ]] || fail "the session's decision was not saved beside the broken review file"
grep -q "status: reviewed" "$recovered" || fail "the recovered file lacks the decision"

# 12. Decisions readable everywhere: Delta (the UI tests' own world) does not sell personal
# information, nor addresses, and sells customer lists and addresses: two contradictions in one
# cell; one dismissed.
mkdir -p "$work/d"
cp "$POLCMP_SRC"/tests/data/tui/{taxonomy.yaml,alpha.txt,delta.txt} "$work/d/"
start "" --taxonomy d/taxonomy.yaml d/alpha.txt d/delta.txt
keys / '^sale of' Enter l
wait_for "Sale of personal data +! 2 +! 4"
keys f t
wait_for "3 of 10 findings · kind: contradiction"
keys g j d
wait_for "finding dismissed"
screen | grep -q "⊘" || fail "no dismissed mark in the findings view"
keys q
wait_for "Sale of personal data +! 2 +! 1 of 2"
wait_for "2 contradictions · 3 gaps · 4 warnings · 1 dismissed"
keys e
wait_for "export the matrix"
keys C-u matrix.csv Enter
wait_for "-> matrix.csv"
grep -q "\[contradiction\] \[1 of 2 findings dismissed\]" "$work/d/matrix.csv" ||
    fail "the exported matrix does not say a finding was dismissed"

# 13. A filtered export holds exactly the rows shown; replacing the file asks first.
keys f t
wait_for "3 of 10 findings · kind: contradiction"
keys e C-u shown.csv Enter
wait_for "3 findings \(kind: contradiction\) -> shown.csv"
rows=$(grep -c $'\r$' "$work/d/shown.csv")
[[ $rows -eq 4 ]] || fail "shown.csv has $rows rows, not a header and the 3 shown"
keys t
wait_for "3 of 10 findings · kind: gap"
keys e C-u shown.csv Enter
wait_for "shown.csv exists: replace it\? \(y/n\)"
keys n
wait_for "not exported"
grep -q "contradiction" "$work/d/shown.csv" || fail "shown.csv was replaced after n"
keys e C-u shown.csv Enter
wait_for "replace it"
keys y
wait_for "3 findings \(kind: gap\) -> shown.csv"
if grep -q "contradiction" "$work/d/shown.csv"; then fail "shown.csv was not replaced after y"; fi
keys Q
wait_exit

# 14. The regime checklist on the examples: G1 met with the clause that meets it (Enter opens
# it), G2 not disclosed, dismissed as not applicable: the cell, the status line and the CSV.
mkdir -p "$work/k"
cp "$work"/01-freshbox.txt "$work"/02-kidquest.md "$work"/03-stridely.txt "$work/k/"
start "" --regime gdpr k/01-freshbox.txt k/02-kidquest.md k/03-stridely.txt
keys c
wait_for "checklist *$"
wait_for "^ +G1 identity and contact details"
g1=$(screen | grep -E '^ +G1 ')
[[ $g1 =~ ✓\ ([0-9]+) ]] || fail "G1 shows no ✓ with a clause: $g1"
clause=${BASH_REMATCH[1]}
keys j Enter
wait_for "document *$"
wait_for "clause $clause/"
keys q
wait_for "checklist *$"
screen | grep -qE '^ +G2 .*✗' || fail "G2 shows no ✗"
keys j d
wait_for "dismissed as not applicable"
screen | grep -qE '^ +G2 [^⊘]*⊘ n/a' || fail "G2's cell does not show it dismissed"
keys k j
wait_for "(missing required|✗ [0-9]+) .*· ⊘?1 dismissed"
keys e C-u checklist.csv Enter
wait_for "the checklist \(15 requirements × 3 policies\) -> checklist.csv"
rows=$(grep -c $'\r$' "$work/k/checklist.csv")
[[ $rows -eq 46 ]] || fail "checklist.csv has $rows rows, not a header and 15 × 3"
grep -q "G2 contact details.*,01-freshbox,not disclosed (dismissed by the reviewer: not applicable)" \
    "$work/k/checklist.csv" || fail "the exported checklist does not say G2 was dismissed"
keys Q
wait_exit

# 15. The mouse wheel scrolls the matrix by three rows.
start ""
first=$(screen | sed -n 3p)
"${T[@]}" send-keys -t ui -l $'\e[<65;10;5M'
for _ in $(seq 1 50); do [[ "$(screen | sed -n 3p)" != "$first" ]] && break; sleep 0.1; done
[[ "$(screen | sed -n 3p)" != "$first" ]] || fail "the wheel did not scroll"
keys Q
wait_exit

# 16. A locale that is not UTF-8 gets ASCII glyphs, with the same legend.
start "LC_ALL=C"
wait_for "\+ covered  o gap  x missing required  ! contradiction  # disagreement"
if screen | LC_ALL=C grep -q $'[\x80-\xff]'; then fail "bytes that are not ASCII in a C locale"; fi
keys Q
wait_exit

# 17. A terminal that cannot place the cursor is refused, pointing to polcmp compare.
start_raw "TERM=dumb"
wait_exit
grep -q "EXITED=2" "$work/exit" || fail "TERM=dumb: exit status $(cat "$work/exit")"
screen | grep -q "cannot place the cursor" || fail "TERM=dumb: no message"
screen | grep -q "polcmp compare" || fail "TERM=dumb: the message does not point to polcmp compare"
echo "tui_e2e: ok"
