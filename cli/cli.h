/* cli.h: the headless subcommands and what they share.
 * Exit status everywhere: 0 success, 1 a --fail-on condition met, 2 usage or input error. */
#ifndef POLCMP_CLI_H
#define POLCMP_CLI_H

#include "segment/segment.h"
#include "session/session.h"
#include "taxonomy/taxonomy.h"
#include "text/encoding.h"
#include "text/load.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

enum { CLI_OK = 0, CLI_FAIL_ON = 1, CLI_ERROR = 2 };

/* ---- the command table (cli_args.c, main.c) ----------------------------------------------
 *
 * Every option exists once, in cli_args.c's table: its name, short letter, argument, help and
 * the check that parses its value. A command (main.c's table) names the options it takes,
 * the forms of its synopsis and how many arguments it wants. One getopt_long wrapper parses
 * any command from these tables, and `polcmp help`, `CMD --help` and the usage lines are
 * printed from them; tests/acceptance/man_page.sh checks docs/polcmp.1 against that help.
 *
 * Messages: one line on stderr each, beginning "polcmp: " and then what they are about: an
 * input ("polcmp: FILE:LINE:COL: ...", as core words its errors) or the command line
 * ("polcmp: CMD: --OPTION: ..."; the UI, which has no CMD, "polcmp: --OPTION: ..."). */

typedef enum cli_opt_id {
    CLI_O_HELP,
    CLI_O_VERSION,
    CLI_O_COLOR,
    CLI_O_ENCODING,
    CLI_O_TAXONOMY,
    CLI_O_REGIME,
    CLI_O_REVIEW,
    CLI_O_NO_MOUSE,
    CLI_O_JSON,
    CLI_O_JOBS,
    CLI_O_SEGMENTS,
    CLI_O_FORMAT,
    CLI_O_OUTPUT,
    CLI_O_FAIL_ON,
    CLI_O_ALLOW_EMPTY,
    CLI_O_REQUIRE,
    CLI_O_WORST,
    CLI_O_MODEL,
    CLI_O_NO_MODEL,
    CLI_O_CLAUSES,
    CLI_O_SET,
    CLI_O_CV,
    CLI_O_CONTRADICTIONS,
    CLI_O_COMPLETENESS,
    CLI_O_SHOW,
    CLI_O_FIELDS,
    CLI_O_COUNT
} cli_opt_id;

enum { CLI_COLOR_AUTO = 0, CLI_COLOR_ALWAYS = 1, CLI_COLOR_NEVER = 2 };

/* A command's arguments once parsed. Borrows argv; owns `all` (cli_args_free). */
typedef struct cli_args {
    const struct cli_cmd *cmd;
    const char *val[CLI_O_COUNT]; /* each option's last value ("" for a flag), NULL if absent */
    const char **all;             /* the values of a repeated option (cli_use.many), in order */
    size_t nall;
    char **args;                  /* the arguments that are not options */
    size_t nargs;
    unsigned regimes, fail_on; /* --regime, --fail-on as bit sets */
    long jobs, worst, show;    /* --jobs (0: every core), --worst, --show */
    int color;                 /* --color: CLI_COLOR_* */
} cli_args;

/* An option. `arg` names its value (NULL: a flag); `check` parses the value into cli_args, or
 * returns -1 with why (NULL: the value is kept as given). Static data. */
typedef struct cli_opt {
    const char *name;
    int letter; /* the short option, or 0 */
    const char *arg, *help;
    int (*check)(cli_args *a, const char *value, pc_error *why);
} cli_opt;

/* A command's use of an option: the synopsis forms it is shown in (bit f: form f; none for the
 * options every command of a kind takes, such as --encoding), those that require it, help and
 * an argument name that replace the option's own when the command means more by it, and
 * whether it may be repeated (every value kept in cli_args.all; one such option a command). */
typedef struct cli_use {
    cli_opt_id id;
    unsigned forms, required;
    const char *help, *arg;
    int many;
} cli_use;

/* A command: its name (NULL: the UI, `polcmp POLICY...`), a one-line summary, the arguments
 * ending each form of its synopsis, its options, how many arguments it takes (max -1: any)
 * and what runs it. --help and --color are taken by every command. Static data. */
#define CLI_FORMS 3
typedef struct cli_cmd {
    const char *name, *summary;
    const char *forms[CLI_FORMS]; /* NULL after the last form */
    const cli_use *uses;
    size_t nuses;
    int min_args, max_args;
    int (*run)(const cli_args *a);
} cli_cmd;

/* The options' table, indexed by cli_opt_id. */
extern const cli_opt cli_opts[CLI_O_COUNT];

/* Parse argv (argv[0] is the command's name) by cmd's table into a: 0, 1 when --help or
 * --version was given (nothing else is checked then), or -1 after printing the usage error in
 * one line. */
int cli_parse(const cli_cmd *cmd, int argc, char **argv, cli_args *a);
void cli_args_free(cli_args *a);

/* Print cmd's help (usage, summary, options) on f; the overview of the commands cmds[0..n)
 * (the UI first): every usage, the commands, the UI's options. */
void cli_help(const cli_cmd *cmd, FILE *f);
void cli_overview(const cli_cmd *cmds, size_t n, FILE *f);

/* An error about a's command line: "polcmp: CMD: MESSAGE" (the UI's without "CMD: "), ending
 * with where the help is, "(polcmp help CMD)", when hint. */
void cli_cmd_error(const cli_args *a, int hint, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The subcommands, each in its file cmd_NAME.c. */
int cmd_segment(const cli_args *a);
int cmd_classify(const cli_args *a);
int cmd_compare(const cli_args *a);
int cmd_eval(const cli_args *a);
/* `eval --contradictions` and `eval --completeness` (cmd_eval_findings.c), which cmd_eval
 * hands over to when one of them is given. */
int cmd_eval_findings(const cli_args *a);
int cmd_taxonomy(const cli_args *a);
int cmd_train(const cli_args *a);
int cmd_ui(const cli_args *a);

/* Batch compare (batch_compare.c): `polcmp compare` over a directory, "-", or with --jobs or
 * --format jsonl, streaming JSON Lines (docs/batch.md). cli_compare_is_batch tells whether the
 * arguments ask for it. */
int cli_compare_is_batch(const cli_args *a);
int cmd_compare_batch(const cli_args *a);

/* "--fail-on" tripped: print on stderr the count of each kind in counts (findings of the kinds
 * asked for) and the first lines (at most five, "KIND (SEVERITY) in POLICIES: MESSAGE"). */
#define CLI_TRIP_SHOWN 5
void cli_fail_on_report(const cli_args *a, const size_t counts[PC_FIND_COUNT], char *const *lines,
                        size_t nlines);
/* The line cli_fail_on_report shows for finding f of c (owned by the caller; NULL out of
 * memory). */
char *cli_trip_line(const pc_comparison *c, const pc_finding *f);
/* --fail-on with a kind that needs --regime (missing-required) and no --regime: a usage error
 * (-1, printed). */
int cli_fail_on_check(const cli_args *a);

/* Messages on stderr: "polcmp: MESSAGE" and "polcmp: warning: MESSAGE", coloured as --color
 * says. cli_say prints a line already made ("polcmp: ...", without its newline). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_errorv(const char *fmt, va_list ap);
void cli_say(const char *line, size_t len);

/* The checks of --color and --encoding (cli_util.c, where what they set is kept). */
int cli_check_color(cli_args *a, const char *value, pc_error *why);
int cli_check_encoding(cli_args *a, const char *value, pc_error *why);

/* Load a policy; on failure print the loader's one-line error and return NULL. The caller
 * prints the doc's warnings (cli_doc_warnings) once it has added its own. */
pc_doc *cli_load_doc(const char *path);

/* Print a doc's warnings, one line each: "polcmp: warning: FILE: MESSAGE". */
void cli_doc_warnings(const pc_doc *doc);

/* The taxonomy: --taxonomy's, else $POLCMP_TAXONOMY, the installed share/polcmp/privacy.yaml,
 * or the source tree's taxonomy/privacy.yaml. */
const char *cli_taxonomy(const cli_args *a);

/* Load a taxonomy, printing its one-line error on failure. */
pc_taxonomy *cli_load_taxonomy(const char *path);

/* The learned model for tax (pc_model_open): --model's when given, else the taxonomy's own
 * model when it has one; none with --no-model. 0 with *out set (NULL: the rules alone decide),
 * or -1 after printing the model's one-line error. */
int cli_load_model(const pc_taxonomy *tax, const cli_args *a, pc_model **out);

/* Open a session (session.h) on the policy files with the taxonomy, the regimes, the review
 * file and allow_empty in opts (the load options come from the environment and --encoding,
 * cli_load_opts). What happens on the way is printed on stderr as it happens: files skipped
 * (policies with no clause too, unless allow_empty), each document's warnings, a review file
 * that does not parse, relabels naming unknown categories. NULL after printing why the session
 * could not open. */
pc_session *cli_session_open(pc_session_opts *opts, char **paths, size_t npaths);

/* Load options: POLCMP_MAX_SIZE from the environment (bytes, with an optional K/M/G suffix)
 * and the encoding --encoding forced. */
pc_load_opts cli_load_opts(void);

/* Evaluation tables (cli_eval_table.c): the counts of one classifier (pc_eval_system) over a
 * set at ten categories (nclass PC_OPP_COUNT) or twelve classes (PC_OPP12_COUNT; classes a
 * record leaves unknown do not count); and the tables of the classifiers in `systems` (bit per
 * pc_eval_system) side by side, at both levels, on stdout. */
struct pc_eval_set;
struct pc_eval_counts;
void cli_eval_counts(const struct pc_eval_set *set, int system, int nclass,
                     struct pc_eval_counts *c);
void cli_eval_tables(const struct pc_eval_set *set, unsigned systems);

#endif
