/* cli_args.c: every option once, as data; the one getopt_long wrapper that parses a command by
 * its table; and the help and usage printed from the same tables (cli.h). */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#define CLI_WIDTH    79  /* help is wrapped to this many columns */
#define CLI_HELP_COL 24  /* where an option's help starts */
#define CLI_LONG     256 /* getopt_long's value for option id i is CLI_LONG + i */

static int cli_check_regime(cli_args *a, const char *v, pc_error *why)
{
    return pc_regimes_parse(v, &a->regimes, why);
}

static int cli_check_kinds(cli_args *a, const char *v, pc_error *why)
{
    return pc_finding_kinds_parse(v, &a->fail_on, why);
}

static int cli_check_number(const char *v, long lo, long hi, long *out, pc_error *why)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (*v && !*end && n >= lo && n <= hi) {
        *out = n;
        return 0;
    }
    pc_error_set(why, "wants a number from %ld to %ld, not '%s'", lo, hi, v);
    return -1;
}

static int cli_check_jobs(cli_args *a, const char *v, pc_error *why)
{
    return cli_check_number(v, 1, 1024, &a->jobs, why);
}

static int cli_check_worst(cli_args *a, const char *v, pc_error *why)
{
    return cli_check_number(v, 0, 1000, &a->worst, why);
}

static int cli_check_show(cli_args *a, const char *v, pc_error *why)
{
    return cli_check_number(v, 0, 100000, &a->show, why);
}

static int cli_check_format(cli_args *a, const char *v, pc_error *why)
{
    (void)a;
    if (pc_writer_named(v) || !strcmp(v, "jsonl"))
        return 0;
    pc_buf names = {0};
    pc_writer_list(&names, 0);
    pc_error_set(why, "unknown format '%s' (%s, or jsonl for a corpus)", v,
                 names.data ? names.data : "");
    pc_buf_free(&names);
    return -1;
}

const cli_opt cli_opts[CLI_O_COUNT] = {
    [CLI_O_HELP] = {"help", 'h', NULL, "print this help and exit", NULL},
    [CLI_O_VERSION] = {"version", 'V', NULL, "print polcmp's version and exit", NULL},
    [CLI_O_COLOR] = {"color", 0, "WHEN",
                     "colour on a terminal: auto (unless NO_COLOR is set or TERM is dumb), "
                     "always or never",
                     cli_check_color},
    [CLI_O_ENCODING] = {"encoding", 0, "NAME",
                        "read every policy as NAME (an iconv name, e.g. windows-1252) instead "
                        "of the encoding detected",
                        cli_check_encoding},
    [CLI_O_TAXONOMY] = {"taxonomy", 0, "FILE",
                        "the taxonomy (default: $POLCMP_TAXONOMY, else the installed "
                        "privacy.yaml)",
                        NULL},
    [CLI_O_REGIME] = {"regime", 0, "LIST",
                      "check the disclosures these require: gdpr, ccpa, coppa "
                      "(comma-separated) or all",
                      cli_check_regime},
    [CLI_O_REVIEW] = {"review", 0, "FILE", "the review file of the reviewer's decisions", NULL},
    [CLI_O_NO_MOUSE] = {"no-mouse", 0, NULL,
                        "leave the mouse to the terminal (to select and copy text)", NULL},
    [CLI_O_JSON] = {"json", 0, NULL, "print JSON", NULL},
    [CLI_O_JOBS] = {"jobs", 0, "N", "work on N policies at once (default: every core)",
                    cli_check_jobs},
    [CLI_O_SEGMENTS] = {"segments", 0, "FILE.jsonl",
                        "label the \"text\" of each JSON object of FILE.jsonl, keeping its other "
                        "fields",
                        NULL},
    [CLI_O_FORMAT] = {"format", 0, "F",
                      "csv, tsv, md, html, xlsx or json (default: from -o's extension, else md); "
                      "jsonl for a corpus",
                      cli_check_format},
    [CLI_O_OUTPUT] = {"output", 'o', "OUT", "write to OUT (atomically) instead of stdout", NULL},
    [CLI_O_FAIL_ON] = {"fail-on", 0, "KINDS",
                       "exit 1 when a finding of one of these kinds (comma-separated) is not "
                       "dismissed: gap, missing-required (needs --regime), contradiction, "
                       "disagreement, placeholder, empty-section, duplicate, vague, incomplete",
                       cli_check_kinds},
    [CLI_O_ALLOW_EMPTY] = {"allow-empty", 0, NULL,
                           "compare a policy in which no clause was found (else it is refused)",
                           NULL},
    [CLI_O_REQUIRE] = {"require", 0, "BOUNDS",
                       "exit 1 unless these F1 bounds are met: macro=X,micro=X,min=X", NULL},
    [CLI_O_WORST] = {"worst", 0, "N",
                     "list the N worst false positives and negatives per category (default 3)",
                     cli_check_worst},
    [CLI_O_MODEL] = {"model", 0, "FILE",
                     "the learned model beside the rules (default: the taxonomy's own, "
                     "privacy.model beside privacy.yaml, when it has one)",
                     NULL},
    [CLI_O_NO_MODEL] = {"no-model", 0, NULL, "the rules alone decide every label", NULL},
    [CLI_O_CLAUSES] = {"clauses", 0, NULL,
                       "let the model read each text clause by clause, as it reads a policy, "
                       "not whole",
                       NULL},
    [CLI_O_SET] = {"set", 0, "KEY=VALUE,...",
                   "change training settings (the keys of the model file's settings line, e.g. "
                   "C=3,min_df=5)",
                   NULL},
    [CLI_O_CV] = {"cv", 0, NULL,
                  "print the cross-validated figures of the rules, the model and the combination",
                  NULL},
    [CLI_O_CONTRADICTIONS] = {"contradictions", 0, "FILE.jsonl",
                              "measure the contradiction findings against judged pairs (JSON "
                              "Lines): recall, false alarms, findings outside the pairs",
                              NULL},
    [CLI_O_COMPLETENESS] = {"completeness", 0, "FILE.jsonl",
                            "measure the missing-required findings against policies judged item "
                            "by item (JSON Lines): precision and recall per requirement",
                            NULL},
    [CLI_O_SHOW] = {"show", 0, "N", "list up to N of the misses and false alarms",
                    cli_check_show},
    [CLI_O_FIELDS] = {"fields", 0, "LIST",
                      "write only these fields of each clause (comma-separated; default all): "
                      "id (policy, file, clause), policy, file, section, heading, clause, start, "
                      "end, text, labels, attributes, stances, overruled, frames, and within "
                      "labels spans and ngrams (e.g. id,labels for a corpus sweep)",
                      NULL},
};

/* ---- a command's options ---- */

/* The options cmd takes, in the order help lists them: its own, then --color and --help. */
static size_t cli_uses(const cli_cmd *cmd, cli_use *out)
{
    size_t n = 0;
    for (size_t i = 0; i < cmd->nuses; i++)
        out[n++] = cmd->uses[i];
    out[n++] = (cli_use){.id = CLI_O_COLOR};
    out[n++] = (cli_use){.id = CLI_O_HELP};
    return n;
}

/* The use among uses of option id (getopt_long's value CLI_LONG + id) or of the short letter
 * ch, or NULL. */
static const cli_use *cli_use_of(const cli_use *uses, size_t n, int ch)
{
    for (size_t i = 0; ch && i < n; i++)
        if (ch >= CLI_LONG ? (int)uses[i].id == ch - CLI_LONG : cli_opts[uses[i].id].letter == ch)
            return &uses[i];
    return NULL;
}

/* An unknown long option, or an abbreviation of several. */
static void cli_unknown_long(const cli_args *a, const char *arg, const cli_use *uses, size_t n)
{
    size_t len = strcspn(arg + 2, "="), matches = 0;
    pc_buf names = {0};
    for (size_t i = 0; !strncmp(arg, "--", 2) && i < n; i++)
        if (!strncmp(cli_opts[uses[i].id].name, arg + 2, len))
            pc_buf_printf(&names, "%s--%s", matches++ ? ", " : "", cli_opts[uses[i].id].name);
    if (matches > 1)
        cli_cmd_error(a, 1, "ambiguous option '%.*s' (%s)", (int)len + 2, arg, names.data);
    else
        cli_cmd_error(a, 1, "unknown option '%s'", arg);
    pc_buf_free(&names);
}

/* getopt_long's '?' or ':' for the element `arg`, said in one line. */
static void cli_parse_error(const cli_args *a, int ch, const char *arg, const cli_use *uses,
                            size_t n)
{
    const cli_use *u = cli_use_of(uses, n, optopt);
    if (ch == ':' && u)
        cli_cmd_error(a, 1, "--%s wants %s", cli_opts[u->id].name,
                      u->arg ? u->arg : cli_opts[u->id].arg);
    else if (u && !strncmp(arg, "--", 2))
        cli_cmd_error(a, 1, "--%s takes no value", cli_opts[u->id].name);
    else if (optopt && optopt < CLI_LONG)
        cli_cmd_error(a, 1, "unknown option '-%c'", optopt);
    else
        cli_unknown_long(a, arg, uses, n);
}

/* Store and check one option's value; a repeated option's values go to a->all as well (room
 * for argc of them). */
static int cli_take(cli_args *a, const cli_use *u, const char *value, int argc)
{
    const cli_opt *o = &cli_opts[u->id];
    pc_error why = {{0}};
    a->val[u->id] = value ? value : "";
    if (u->many && !a->all && !(a->all = calloc((size_t)argc, sizeof *a->all))) {
        cli_error("out of memory");
        return -1;
    }
    if (u->many)
        a->all[a->nall++] = value;
    if (!o->check || o->check(a, value, &why) == 0)
        return 0;
    cli_cmd_error(a, 0, "--%s: %s", o->name, why.msg);
    return -1;
}

/* The number of arguments against what cmd wants; -1 after saying what that is. */
static int cli_check_count(cli_args *a)
{
    const cli_cmd *cmd = a->cmd;
    char want[128] = "";
    for (int f = 0; f < CLI_FORMS && cmd->forms[f]; f++) /* "POLICY... or DIR|-..." */
        if (*cmd->forms[f])
            snprintf(want + strlen(want), sizeof want - strlen(want), "%s%s", *want ? " or " : "",
                     cmd->forms[f]);
    if (a->nargs < (size_t)cmd->min_args)
        cli_cmd_error(a, 1, "expects %s", want);
    else if (cmd->max_args >= 0 && a->nargs > (size_t)cmd->max_args)
        cli_cmd_error(a, 1, "'%s' is one argument too many; expects %s", a->args[cmd->max_args],
                      want);
    else
        return 0;
    return -1;
}

int cli_parse(const cli_cmd *cmd, int argc, char **argv, cli_args *a)
{
    cli_use uses[CLI_O_COUNT + 2];
    size_t n = cli_uses(cmd, uses), k = 1;
    struct option lo[CLI_O_COUNT + 3];
    char so[3 * CLI_O_COUNT + 2] = ":";
    for (size_t i = 0; i < n; i++) {
        const cli_opt *o = &cli_opts[uses[i].id];
        lo[i] = (struct option){o->name, o->arg ? required_argument : no_argument, NULL,
                                CLI_LONG + (int)uses[i].id};
        if (o->letter) {
            so[k++] = (char)o->letter;
            if (o->arg)
                so[k++] = ':';
        }
    }
    lo[n] = (struct option){NULL, 0, NULL, 0};
    so[k] = '\0';
    memset(a, 0, sizeof *a);
    a->cmd = cmd;
    optind = 0; /* a full reset, GNU extensions included */
    opterr = 0;
    int ch;
    while ((ch = getopt_long(argc, argv, so, lo, NULL)) != -1) {
        if (ch == '?' || ch == ':') {
            cli_parse_error(a, ch, argv[optind - 1], uses, n);
            return -1;
        }
        if (cli_take(a, cli_use_of(uses, n, ch), optarg, argc) < 0)
            return -1;
    }
    if (a->val[CLI_O_HELP] || a->val[CLI_O_VERSION])
        return 1;
    a->args = argv + optind;
    a->nargs = (size_t)(argc - optind);
    return cli_check_count(a);
}

void cli_args_free(cli_args *a)
{
    free(a->all);
    a->all = NULL;
    a->nall = 0;
}

/* ---- help ---- */

/* Print text from column col, wrapped to CLI_WIDTH, continuation lines indented by indent;
 * lines break at spaces outside brackets (an option and its argument are joined by \x1f,
 * printed as a space). Returns the column reached. */
static size_t cli_wrap(FILE *f, const char *text, size_t col, size_t indent)
{
    const char *p = text;
    while (*p) {
        size_t len = 0;
        for (int depth = 0; p[len] && (p[len] != ' ' || depth > 0); len++)
            depth += p[len] == '[' ? 1 : p[len] == ']' ? -1 : 0;
        if (col > indent && col + 1 + len > CLI_WIDTH) {
            fprintf(f, "\n%*s", (int)indent, "");
            col = indent;
        } else if (p != text) {
            fputc(' ', f);
            col++;
        }
        for (size_t i = 0; i < len; i++) /* \x1f: a space that does not break */
            fputc(p[i] == '\x1f' ? ' ' : p[i], f);
        col += len;
        p += len;
        while (*p == ' ')
            p++;
    }
    return col;
}

/* The name of u's argument, NULL for a flag. */
static const char *cli_arg(const cli_use *u)
{
    return u->arg ? u->arg : cli_opts[u->id].arg;
}

/* "-o OUT", "--taxonomy FILE", "--json", "--review FILE..." (a repeated option). */
static void cli_opt_synopsis(const cli_use *u, pc_buf *b)
{
    const cli_opt *o = &cli_opts[u->id];
    const char *arg = cli_arg(u);
    if (o->letter && arg)
        pc_buf_printf(b, "-%c\x1f%s", o->letter, arg);
    else
        pc_buf_printf(b, "--%s%s%s", o->name, arg ? "\x1f" : "", arg ? arg : "");
    pc_buf_adds(b, u->many ? "..." : "");
}

/* Form f of cmd's synopsis: "polcmp CMD [--opt ARG]... --required ARG ARGS". */
static void cli_synopsis(const cli_cmd *cmd, int f, pc_buf *b)
{
    pc_buf_printf(b, "polcmp%s%s", cmd->name ? " " : "", cmd->name ? cmd->name : "");
    for (int pass = 0; pass < 2; pass++) /* the optional options, then the required ones */
        for (size_t i = 0; i < cmd->nuses; i++) {
            const cli_use *u = &cmd->uses[i];
            int req = (u->required >> f) & 1;
            if (!((u->forms >> f) & 1) || req != pass)
                continue;
            pc_buf_adds(b, req ? " " : " [");
            cli_opt_synopsis(u, b);
            pc_buf_adds(b, req ? "" : "]");
        }
    if (*cmd->forms[f])
        pc_buf_printf(b, " %s", cmd->forms[f]);
}

/* Every form of cmd's synopsis, the first after `lead`, the others under it. */
static void cli_usage(const cli_cmd *cmd, const char *lead, FILE *f)
{
    size_t col = strlen(lead);
    size_t indent = col + strlen("polcmp ") + (cmd->name ? strlen(cmd->name) + 1 : 0);
    for (int k = 0; k < CLI_FORMS && cmd->forms[k]; k++) {
        pc_buf b = {0};
        cli_synopsis(cmd, k, &b);
        fprintf(f, "%*s", (int)col, k ? "" : lead);
        cli_wrap(f, b.data ? b.data : "", col, indent);
        fputc('\n', f);
        pc_buf_free(&b);
    }
}

/* The options' list: "  -o, --output OUT      help". */
static void cli_options(const cli_use *uses, size_t n, FILE *f)
{
    for (size_t i = 0; i < n; i++) {
        const cli_opt *o = &cli_opts[uses[i].id];
        pc_buf tag = {0};
        if (o->letter)
            pc_buf_printf(&tag, "  -%c, ", o->letter);
        const char *arg = cli_arg(&uses[i]);
        pc_buf_printf(&tag, "%s--%s%s%s", o->letter ? "" : "      ", o->name, arg ? " " : "",
                      arg ? arg : "");
        size_t col = tag.len;
        fputs(tag.data, f);
        if (col + 2 > CLI_HELP_COL) {
            fputc('\n', f);
            col = 0;
        }
        fprintf(f, "%*s", (int)(CLI_HELP_COL - col), "");
        cli_wrap(f, uses[i].help ? uses[i].help : o->help, CLI_HELP_COL, CLI_HELP_COL);
        fputc('\n', f);
        pc_buf_free(&tag);
    }
}

static const char cli_exit_status[] =
    "Exit status: 0 success, 1 a --fail-on condition (or an eval bound) met, 2 usage or input "
    "error.";

void cli_help(const cli_cmd *cmd, FILE *f)
{
    cli_usage(cmd, "usage: ", f);
    fputc('\n', f);
    cli_wrap(f, cmd->summary, 0, 0);
    fputs("\n\nOptions:\n", f);
    cli_use uses[CLI_O_COUNT + 2];
    cli_options(uses, cli_uses(cmd, uses), f);
    fputc('\n', f);
    cli_wrap(f, cli_exit_status, 0, 0);
    fputc('\n', f);
}

void cli_overview(const cli_cmd *cmds, size_t n, FILE *f)
{
    for (size_t i = 0; i < n; i++)
        cli_usage(&cmds[i], i ? "       " : "usage: ", f);
    fputs("       polcmp help [CMD] | polcmp CMD --help | polcmp --version\n\n", f);
    cli_wrap(f, cmds[0].summary, 0, 0);
    fputs("\n\nCommands (polcmp help CMD lists a command's options):\n", f);
    for (size_t i = 1; i < n; i++) {
        fprintf(f, "  %-10s", cmds[i].name);
        cli_wrap(f, cmds[i].summary, 12, 12);
        fputc('\n', f);
    }
    fputs("\nOptions of the UI:\n", f);
    cli_use uses[CLI_O_COUNT + 2];
    cli_options(uses, cli_uses(&cmds[0], uses), f);
    fputc('\n', f);
    cli_wrap(f, cli_exit_status, 0, 0);
    fputc('\n', f);
}
