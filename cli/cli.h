/* cli.h: the headless subcommands and what they share.
 * Exit status everywhere: 0 success, 1 a --fail-on condition met, 2 usage or input error. */
#ifndef POLCMP_CLI_H
#define POLCMP_CLI_H

#include "load.h"

enum { CLI_OK = 0, CLI_FAIL_ON = 1, CLI_ERROR = 2 };

int cmd_segment(int argc, char **argv);
int cmd_classify(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_taxonomy(int argc, char **argv);
int cmd_ui(int argc, char **argv);

/* Print "polcmp: MESSAGE" on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Load a policy; on failure print the loader's one-line error and return NULL. Prints
 * warnings (invalid bytes replaced, controls removed) to stderr. */
pc_doc *cli_load_doc(const char *path);

/* The taxonomy to use when --taxonomy is not given: $POLCMP_TAXONOMY, the installed
 * share/polcmp/privacy.yaml, or the source tree's taxonomy/privacy.yaml. */
const char *cli_default_taxonomy(void);

#endif
