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

enum { CLI_OK = 0, CLI_FAIL_ON = 1, CLI_ERROR = 2 };

int cmd_segment(int argc, char **argv);
int cmd_classify(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_eval(int argc, char **argv);
/* `eval --contradictions` and `eval --completeness` (cmd_eval_findings.c); cmd_eval hands over
 * when cli_eval_wants_findings says the arguments ask for one of them. */
int cli_eval_wants_findings(int argc, char **argv);
int cmd_eval_findings(int argc, char **argv);
int cmd_taxonomy(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_ui(int argc, char **argv);

/* Batch compare (batch_compare.c): `polcmp compare` over a directory, "-", or with --jobs or
 * --format jsonl, streaming JSON Lines (docs/batch.md). cli_compare_wants_batch tells from
 * the arguments whether cmd_compare should hand over to cmd_compare_batch. */
int cli_compare_wants_batch(int argc, char **argv);
int cmd_compare_batch(int argc, char **argv);

/* Print "polcmp: MESSAGE" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_errorv(const char *fmt, va_list ap);

/* Option values shared by the subcommands: "--regime gdpr,ccpa" and "--fail-on KINDS".
 * Return 0, or -1 after printing "CMD: --OPTION: why". */
int cli_opt_regimes(const char *cmd, const char *arg, unsigned *regimes);
int cli_opt_kinds(const char *cmd, const char *arg, unsigned *kinds);

/* Load a policy; on failure print the loader's one-line error and return NULL. The caller
 * prints the doc's warnings (cli_doc_warnings) once it has added its own. */
pc_doc *cli_load_doc(const char *path);

/* Print a doc's warnings, one line each: "polcmp: warning: FILE: MESSAGE". */
void cli_doc_warnings(const pc_doc *doc);

/* The taxonomy to use when --taxonomy is not given: $POLCMP_TAXONOMY, the installed
 * share/polcmp/privacy.yaml, or the source tree's taxonomy/privacy.yaml. */
const char *cli_default_taxonomy(void);

/* Load a taxonomy, printing its one-line error on failure. */
pc_taxonomy *cli_load_taxonomy(const char *path);

/* --model FILE and --no-model, as every command that classifies takes them. Borrows path. */
typedef struct cli_model_opt {
    const char *path; /* --model FILE, or NULL: the taxonomy's own model */
    int off;          /* --no-model: the rules alone */
} cli_model_opt;

/* The learned model for tax (pc_model_open): `path` when given (--model), else the taxonomy's
 * own model when it has one; none with --no-model. 0 with *out set (NULL: the rules alone
 * decide), or -1 after printing the model's one-line error. */
int cli_load_model(const pc_taxonomy *tax, const cli_model_opt *mo, pc_model **out);

/* Open a session (session.h) on the policy files with the taxonomy, the regimes, the review
 * file and allow_empty in opts (the load options come from the environment and --encoding,
 * cli_load_opts). What happens on the way is printed on stderr as it happens: files skipped
 * (policies with no clause too, unless allow_empty), each document's warnings, a review file
 * that does not parse, relabels naming unknown categories. NULL after printing why the session
 * could not open. */
pc_session *cli_session_open(pc_session_opts *opts, char **paths, size_t npaths);

/* Print an outline for people: the title, sections indented by level, one line per clause
 * fitted to the terminal by display width (cmd_segment.c). */
void cli_print_outline(const pc_outline *o);

/* Load options: POLCMP_MAX_SIZE from the environment (bytes, with an optional K/M/G suffix)
 * and the encoding --encoding forced. */
pc_load_opts cli_load_opts(void);

/* "--encoding NAME": check that iconv knows NAME and force it for every file loaded after.
 * 0, or -1 after printing "CMD: --encoding: why". */
int cli_opt_encoding(const char *cmd, const char *name);

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
