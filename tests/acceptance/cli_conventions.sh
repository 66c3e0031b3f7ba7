#!/usr/bin/env bash
# The command line's conventions, for every command the help lists: help on stdout with exit 0
# (`polcmp help CMD`, `CMD --help`, `CMD -h`, and the UI's `polcmp --help`); an unknown option
# is one line naming the command, exit 2; every option that takes a value takes it as
# `--opt=VALUE` as well as `--opt VALUE`; --version; --fail-on missing-required without
# --regime is a usage error; a tripped --fail-on lists the count per kind and the first five
# findings; colour on stderr and in the UI follows --color, NO_COLOR and the terminal; the
# shipped taxonomy passes `taxonomy check` without a warning.
set -uo pipefail
bin=${POLCMP_BIN:?}
src=${POLCMP_SRC:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
# run CMD...: stdout in $tmp/out, stderr in $tmp/err, the exit status in rc.
run() { "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }

# ---- fixtures -----------------------------------------------------------------------------
cat >"$tmp/a.txt" <<'TXT'
Privacy Policy

1. What we collect
We collect your email address when you create an account.

2. Retention
We keep your order history for 90 days and then delete it.
TXT
cat >"$tmp/b.txt" <<'TXT'
Privacy Policy of [Company Name]

1. Who we are
[Company Name] runs this site from [Address].

2. Contact
Write to [Email Address] or call [Phone Number].
We answer within [Number] days, at [Company Website], signed [Your Name].
TXT
printf '{"id":"g1","text":"We keep your order history for 90 days.","labels_opp10":["Data Retention"]}\n' >"$tmp/gold.jsonl"
printf '{"text":"We sell your data to advertisers."}\n' >"$tmp/seg.jsonl"
# Judged sets for eval --contradictions and --completeness.
printf '{"id":"c1","policy":"a","policy_file":"a.txt","text_a":"We collect your email address when you create an account.","text_b":"We keep your order history for 90 days and then delete it.","label":"not"}\n' >"$tmp/contra.jsonl"
printf '{"policy":"a","text":"We keep your order history for 90 days and then delete it.","present":["G1"],"absent":["G2"]}\n' >"$tmp/complete.jsonl"
mkdir "$tmp/dir" && cp "$tmp/a.txt" "$tmp/b.txt" "$tmp/dir/"
printf 'polcmp-review: 1\n' >"$tmp/review.yaml"
# Training data for the small taxonomy of the model's tests (train runs in a moment on it).
for d in "email address" "phone number" "postal address" "payment details"; do
    printf '{"text":"We collect your %s when you sign up.","labels":["First Party Collection/Use"]}\n' "$d"
    printf '{"text":"Your %s is stored for 90 days, then deleted.","labels":["Data Retention"]}\n' "$d"
done >"$tmp/train.jsonl"

# ---- help ---------------------------------------------------------------------------------
run "$bin" --help
[ $rc = 0 ] && [ -s "$tmp/out" ] && [ ! -s "$tmp/err" ] || fail "polcmp --help: exit $rc, or not on stdout"
cp "$tmp/out" "$tmp/overview"
cmds=$(awk '/^Commands/{on=1; next} on && /^$/{exit} on && /^  [a-z]/{print $1}' "$tmp/overview")
[ "$(echo $cmds)" = "segment classify compare eval train taxonomy" ] || fail "the commands listed: $(echo $cmds)"
for form in "help" "-h"; do
    run "$bin" $form
    [ $rc = 0 ] && cmp -s "$tmp/out" "$tmp/overview" || fail "polcmp $form is not polcmp --help (exit $rc)"
done
for k in --review DIR --require --worst --segments --fail-on --jobs --encoding --color --no-mouse; do
    grep -q -- "$k" "$tmp/overview" || fail "polcmp --help does not mention $k"
done
for cmd in $cmds; do
    run "$bin" help "$cmd"
    [ $rc = 0 ] && [ ! -s "$tmp/err" ] || fail "polcmp help $cmd: exit $rc"
    head -1 "$tmp/out" | grep -q "^usage: polcmp $cmd " || fail "polcmp help $cmd: $(head -1 "$tmp/out")"
    grep -q -- "--help" "$tmp/out" || fail "polcmp help $cmd lists no --help"
    cp "$tmp/out" "$tmp/help-$cmd"
    for form in --help -h; do
        run "$bin" "$cmd" $form
        [ $rc = 0 ] && cmp -s "$tmp/out" "$tmp/help-$cmd" || fail "polcmp $cmd $form differs from polcmp help $cmd (exit $rc)"
    done
done
run "$bin" help no-such-command
[ $rc = 2 ] && [ "$(wc -l <"$tmp/err")" = 1 ] || fail "polcmp help no-such-command: exit $rc"

# ---- --version ----------------------------------------------------------------------------
for v in --version -V; do
    run "$bin" $v
    [ $rc = 0 ] && grep -qxE 'polcmp [0-9]+\.[0-9]+\.[0-9]+' "$tmp/out" || fail "polcmp $v: exit $rc, '$(cat "$tmp/out")'"
done

# ---- usage errors: one line, naming the command -----------------------------------------
for cmd in "" $cmds; do
    run "$bin" $cmd --no-such-option "$tmp/a.txt"
    hint="polcmp --help"; [ -n "$cmd" ] && hint="polcmp help $cmd"
    want="polcmp: ${cmd:+$cmd: }unknown option '--no-such-option' ($hint)"
    [ $rc = 2 ] || fail "${cmd:-polcmp}: unknown option: exit $rc"
    [ "$(cat "$tmp/err")" = "$want" ] || fail "${cmd:-polcmp}: unknown option said '$(cat "$tmp/err")', not '$want'"
    [ -s "$tmp/out" ] && fail "${cmd:-polcmp}: unknown option printed on stdout"
done
for args in "segment" "segment a b" "compare" "eval" "taxonomy check" "classify" "compare --jobs" \
    "compare --jobs 0 x" "segment --json=yes x" "compare --format pdf x" "--regime mars x" \
    "eval --contradictions x --completeness y" "eval --show 2 x" "eval --worst 2 --contradictions x" \
    "eval --completeness x y" "eval --show -1 --contradictions x"; do
    run "$bin" $args
    [ $rc = 2 ] && [ "$(wc -l <"$tmp/err")" = 1 ] || fail "polcmp $args: exit $rc, $(wc -l <"$tmp/err") lines"
    grep -q "^polcmp: " "$tmp/err" || fail "polcmp $args: '$(cat "$tmp/err")'"
done

# ---- --opt=VALUE and --opt VALUE, for every option with a value -------------------------
# A value each option accepts, and the arguments each command runs on.
value_of() { # OPTION COMMAND
    case $1 in
    --taxonomy) [ $2 = train ] && echo "$src/tests/data/model/mini.yaml" || echo "$src/taxonomy/privacy.yaml" ;;
    --model) echo "$src/taxonomy/privacy.model" ;; --set) echo min_df=1,folds=2 ;;
    --regime) echo gdpr ;;
    --review) echo "$tmp/review.yaml" ;; --encoding) echo utf-8 ;; --color) echo never ;;
    --jobs) echo 1 ;; --segments) echo "$tmp/seg.jsonl" ;; --format) echo json ;;
    --output) [ $2 = train ] && echo "$tmp/m.model" || echo "$tmp/out.json" ;;
    --fail-on) echo vague ;; --require) echo macro=0.01 ;;
    --worst) echo 2 ;; --show) echo 2 ;; --fields) echo id,labels ;;
    --contradictions) echo "$tmp/contra.jsonl" ;; --completeness) echo "$tmp/complete.jsonl" ;;
    *) echo "NO-VALUE-FOR-$1" ;;
    esac
}
args_of() {
    case $1 in
    segment) echo "$tmp/a.txt" ;; classify) echo "$tmp/a.txt" ;;
    compare) echo "$tmp/a.txt $tmp/b.txt" ;; eval) echo "$tmp/gold.jsonl" ;;
    train) echo "--taxonomy $src/tests/data/model/mini.yaml --set min_df=1,folds=2 -o $tmp/m.model $tmp/train.jsonl" ;;
    taxonomy) echo "check $src/taxonomy/privacy.yaml" ;; *) echo "$tmp/a.txt" ;;
    esac
}
checked=0
for cmd in ui $cmds; do
    help="$tmp/help-$cmd"; [ $cmd = ui ] && help="$tmp/overview"
    for opt in $(grep -oE '^  (-[a-zA-Z], |    )--[a-z-]+ [A-Z]' "$help" | grep -oE -- '--[a-z-]+'); do
        v=$(value_of "$opt" $cmd)
        args=$(args_of $cmd)
        case $opt in # the options of another form of the command
        --segments | --contradictions | --completeness) args="" ;;
        --show) args="--contradictions $tmp/contra.jsonl" ;;
        esac
        c=$cmd; [ $cmd = ui ] && c=""
        run "$bin" $c "$opt=$v" $args
        rc1=$rc; cp "$tmp/out" "$tmp/out1"; cp "$tmp/err" "$tmp/err1"; rm -f "$tmp/out.json" "$tmp/m.model"
        run "$bin" $c "$opt" "$v" $args
        rm -f "$tmp/out.json" "$tmp/m.model"
        if [ $rc != $rc1 ] || ! cmp -s "$tmp/out" "$tmp/out1" || ! cmp -s "$tmp/err" "$tmp/err1"; then
            fail "$cmd $opt=$v and $opt $v differ (exit $rc1 and $rc)"
        fi
        if grep -qE "unknown option|wants|takes no value|NO-VALUE" "$tmp/err1"; then
            fail "$cmd $opt=$v: $(head -1 "$tmp/err1")"
        fi
        # The UI stops for want of a terminal; every other command runs.
        [ $cmd = ui ] || [ $rc1 -le 1 ] || fail "$cmd $opt=$v: exit $rc1: $(head -1 "$tmp/err1")"
        checked=$((checked + 1))
    done
done
[ $checked -ge 20 ] || fail "only $checked options with a value were tried"
# A bad bound is a usage error before anything is measured.
run "$bin" eval --contradictions "$tmp/contra.jsonl" --require bogus=1
[ $rc = 2 ] && [ ! -s "$tmp/out" ] && [ "$(wc -l <"$tmp/err")" = 1 ] ||
    fail "eval --contradictions --require bogus=1: exit $rc, $(wc -c <"$tmp/out") bytes out: $(cat "$tmp/err")"
run "$bin" classify --taxonomy="$src/taxonomy/privacy.yaml" "$tmp/a.txt"
[ $rc = 0 ] && [ -s "$tmp/out" ] || fail "classify --taxonomy=FILE: exit $rc"

# ---- --fail-on ------------------------------------------------------------------------------
# Its help and the man page name every kind it accepts (those its error lists).
run "$bin" compare --fail-on no-such-kind "$tmp/a.txt"
kinds=$(sed -n 's/.*(one of \(.*\))$/\1/p' "$tmp/err" | tr -d ',')
[ $rc = 2 ] && [ -n "$kinds" ] || fail "--fail-on no-such-kind: exit $rc: $(cat "$tmp/err")"
help_text=$(tr -s ' \n' ' ' <"$tmp/help-compare")
page_text=$(tr -s ' \n' ' ' <"$src/docs/polcmp.1")
for k in $kinds; do
    grep -qE -- "[ ,]$k[,. ]" <<<"$help_text" || fail "polcmp help compare: --fail-on does not name $k"
    grep -qE -- "[ ,]$k[,. ]" <<<"$page_text" || fail "docs/polcmp.1: --fail-on does not name $k"
done
for target in "$tmp/a.txt $tmp/b.txt" "$tmp/dir"; do
    run "$bin" compare --fail-on missing-required $target
    [ $rc = 2 ] && [ "$(wc -l <"$tmp/err")" = 1 ] && grep -q -- "--regime" "$tmp/err" ||
        fail "--fail-on missing-required without --regime ($target): exit $rc: $(cat "$tmp/err")"
    run "$bin" compare --fail-on missing-required --regime gdpr $target
    [ $rc = 1 ] || fail "--fail-on missing-required --regime gdpr ($target): exit $rc"
done
# The listing: the count per kind and the first five findings, as the JSON has them.
"$bin" compare --format json "$tmp/a.txt" "$tmp/b.txt" >"$tmp/cmp.json"
run "$bin" compare --fail-on placeholder,vague "$tmp/a.txt" "$tmp/b.txt"
python3 - "$tmp/cmp.json" "$tmp/err" "$rc" <<'PY' || fail "the --fail-on listing"
import json, sys
findings = [f for f in json.load(open(sys.argv[1]))["findings"] if f["kind"] in ("placeholder", "vague")]
err = open(sys.argv[2]).read().splitlines()
counts = {}
for f in findings:
    counts[f["kind"]] = counts.get(f["kind"], 0) + 1
problems = []
if sys.argv[3] != "1" or len(findings) < 6:
    problems.append(f"exit {sys.argv[3]} with {len(findings)} findings (the fixture plants more than five)")
kinds = ", ".join(f"{n} {k}" for k, n in sorted(counts.items(), key=lambda kv: ["placeholder", "vague"].index(kv[0])))
head = f"polcmp: compare: --fail-on placeholder,vague: {len(findings)} findings: {kinds}"
if not err or err[0] != head:
    problems.append(f"first line {err[:1]}, not {head!r}")
for i, f in enumerate(findings[:5]):
    want = f"polcmp:   {f['kind']} ({f['severity']}) in {', '.join(f['policies'])}: {f['message']}"
    if i + 1 >= len(err) or err[i + 1] != want:
        problems.append(f"line {i + 2}: {err[i + 1] if i + 1 < len(err) else None!r}, not {want!r}")
if len(err) != 7 or err[6] != f"polcmp:   and {len(findings) - 5} more":
    problems.append(f"{len(err)} lines; last {err[-1:]}")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY
run "$bin" compare --fail-on placeholder "$tmp/dir"
[ $rc = 1 ] && grep -q "^polcmp: compare: --fail-on placeholder: [0-9]* findings: [0-9]* placeholder$" "$tmp/err" &&
    [ "$(grep -c '^polcmp:   placeholder (medium) in b: ' "$tmp/err")" = 5 ] ||
    fail "--fail-on on a corpus: exit $rc: $(head -3 "$tmp/err")"
run "$bin" compare --fail-on contradiction "$tmp/a.txt" "$tmp/b.txt"
[ $rc = 0 ] && [ ! -s "$tmp/err" ] || fail "--fail-on not met: exit $rc, $(head -1 "$tmp/err")"

# ---- colour on stderr -----------------------------------------------------------------------
esc=$'\e'
has_esc() { grep -q "$esc" "$1"; }
run "$bin" segment --color=always "$tmp/missing.txt"
[ $rc = 2 ] && has_esc "$tmp/err" || fail "--color=always off a terminal: no colour"
run "$bin" segment "$tmp/missing.txt"
has_esc "$tmp/err" && fail "colour off a terminal without --color=always"
if command -v script >/dev/null; then
    # script(1) gives the command a terminal; its output is what the terminal received.
    on_tty() { env "$@" script -qc "'$bin' segment $COLOR_ARG '$tmp/missing.txt' 2>&1" /dev/null </dev/null >"$tmp/tty"; }
    COLOR_ARG="" on_tty TERM=xterm
    has_esc "$tmp/tty" || fail "no colour on a terminal by default"
    COLOR_ARG=--color=never on_tty TERM=xterm
    has_esc "$tmp/tty" && fail "--color=never on a terminal: an escape sequence"
    grep -q "missing.txt" "$tmp/tty" || fail "--color=never on a terminal: no message"
    COLOR_ARG="" on_tty TERM=xterm NO_COLOR=1
    has_esc "$tmp/tty" && fail "NO_COLOR=1 on a terminal: an escape sequence"
    COLOR_ARG="" on_tty TERM=dumb
    has_esc "$tmp/tty" && fail "TERM=dumb: an escape sequence"
    COLOR_ARG=--color=always on_tty TERM=xterm NO_COLOR=1
    has_esc "$tmp/tty" || fail "--color=always with NO_COLOR: no colour"
    # The UI: colour sequences (SGR foreground or background) as --color and NO_COLOR say.
    # Q, typed ahead, quits it.
    sgr=$'\e\\[(3[0-7]|4[0-7]|38;5;[0-9]+|48;5;[0-9]+)(;[0-9;]*)?m'
    ui_colour() { # yes|no NO_COLOR's-value-or-"" [--color=WHEN]
        local want=$1 nc=$2 c=${3:-}
        (sleep 2; printf Q) | env -u NO_COLOR ${nc:+NO_COLOR=$nc} TERM=xterm-256color timeout 60 \
            script -qc "'$bin' $c --review '$tmp/ui-review.yaml' '$tmp/a.txt' '$tmp/b.txt'" \
            /dev/null >"$tmp/ui.out" 2>&1
        local what="the UI with '$c'${nc:+ and NO_COLOR=$nc}"
        grep -aq "2 policies" "$tmp/ui.out" || fail "$what did not start: $(head -c 200 "$tmp/ui.out")"
        local n=$(grep -acE "$sgr" "$tmp/ui.out")
        [ $want = no ] && [ "$n" != 0 ] && fail "$what: $n lines with colour sequences"
        [ $want = yes ] && [ "$n" = 0 ] && fail "$what: no colour on xterm-256color"
    }
    ui_colour yes ""
    ui_colour no "" --color=never
    ui_colour no 1
    ui_colour yes 1 --color=always
else
    echo "skipped the terminal checks: script(1) is missing"
fi

# ---- the shipped taxonomy checks clean -------------------------------------------------------
# No warning a user editing it would be shown (slow constructs: unbounded look-arounds, ...).
run "$bin" taxonomy check "$src/taxonomy/privacy.yaml"
[ $rc = 0 ] || fail "taxonomy check of the shipped taxonomy: exit $rc"
[ -s "$tmp/err" ] && fail "warnings on the shipped taxonomy: $(head -2 "$tmp/err")"

[ $fails = 0 ] && echo "ok: help for $(echo $cmds | wc -w) commands and the UI, $checked options with a value"
exit $((fails > 0))
