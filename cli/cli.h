/* cli.h: the headless subcommands and what they share.
 * Exit status everywhere: 0 success, 1 a --fail-on condition met, 2 usage or input error. */
#ifndef POLCMP_CLI_H
#define POLCMP_CLI_H

#include "text/encoding.h"
#include "text/load.h"
#include "compare/compare.h"
#include "classify/policy.h"
#include "review/review.h"
#include "segment/segment.h"
#include "taxonomy/taxonomy.h"

#include <stdarg.h>
#include <stddef.h>

enum { CLI_OK = 0, CLI_FAIL_ON = 1, CLI_ERROR = 2 };

int cmd_segment(int argc, char **argv);
int cmd_classify(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_taxonomy(int argc, char **argv);
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

/* Open (load, segment, classify) each path, printing its warnings. A file that cannot be
 * used, or a policy with no clause unless allow_empty, is reported on stderr and skipped;
 * *skipped counts them. Ids are made unique ("name", "name-2"). Returns the array (n entries
 * in *n, possibly 0) or NULL on out of memory. Free with cli_free_policies(). */
pc_policy **cli_open_policies(char **paths, size_t npaths, const pc_taxonomy *tax,
                              int allow_empty, size_t *n, size_t *skipped);
void cli_free_policies(pc_policy **p, size_t n);

/* cli_run: what one comparison of files needs, owned together; close with cli_run_close(). */
typedef struct cli_run {
    pc_taxonomy *tax;
    pc_policy **pols;
    size_t n, skipped; /* policies opened, files skipped (already reported) */
    pc_comparison *cmp;
} cli_run;

/* Load the taxonomy, open the policies (skipping, and reporting, files that cannot be used
 * and, unless allow_empty, policies with no clause), apply the reviewer's relabels when
 * `review` is not NULL (unknown category ids are warned about), and compare. Returns 0 with
 * run->cmp set, or -1 after printing why. */
int cli_run_open(cli_run *run, const char *taxonomy, char **paths, size_t npaths,
                 unsigned regimes, const pc_review *review, int allow_empty);
void cli_run_close(cli_run *run);

/* Print an outline for people: the title, sections indented by level, one line per clause
 * fitted to the terminal by display width (cmd_segment.c). */
void cli_print_outline(const pc_outline *o);

/* Load options: POLCMP_MAX_SIZE from the environment (bytes, with an optional K/M/G suffix)
 * and the encoding --encoding forced. */
pc_load_opts cli_load_opts(void);

/* "--encoding NAME": check that iconv knows NAME and force it for every file loaded after.
 * 0, or -1 after printing "CMD: --encoding: why". */
int cli_opt_encoding(const char *cmd, const char *name);

#endif
