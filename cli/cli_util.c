/* cli_util.c: messages, loading with diagnostics, default paths. */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void cli_errorv(const char *fmt, va_list ap)
{
    fputs("polcmp: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cli_errorv(fmt, ap);
    va_end(ap);
}

int cli_opt_regimes(const char *cmd, const char *arg, unsigned *regimes)
{
    pc_error err;
    if (pc_regimes_parse(arg, regimes, &err) == 0)
        return 0;
    cli_error("%s%s--regime: %s", cmd, *cmd ? ": " : "", err.msg);
    return -1;
}

int cli_opt_kinds(const char *cmd, const char *arg, unsigned *kinds)
{
    pc_error err;
    if (pc_finding_kinds_parse(arg, kinds, &err) == 0)
        return 0;
    cli_error("%s%s--fail-on: %s", cmd, *cmd ? ": " : "", err.msg);
    return -1;
}

void cli_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("polcmp: warning: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void cli_doc_warnings(const pc_doc *doc)
{
    for (size_t i = 0; i < doc->nwarnings; i++)
        cli_warn("%s: %s", doc->path, doc->warnings[i].msg);
}

pc_doc *cli_load_doc(const char *path)
{
    pc_error err;
    pc_load_opts opts = cli_load_opts();
    pc_doc *doc = pc_doc_load(path, &opts, &err);
    if (!doc)
        cli_error("%s", err.msg);
    return doc;
}

const char *cli_default_taxonomy(void)
{
    const char *env = getenv("POLCMP_TAXONOMY");
    if (env && *env)
        return env;
    static const char *const candidates[] = {
        POLCMP_DATADIR "/privacy.yaml",
        POLCMP_SOURCE_DIR "/taxonomy/privacy.yaml",
    };
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++)
        if (access(candidates[i], R_OK) == 0)
            return candidates[i];
    return candidates[1];
}

pc_taxonomy *cli_load_taxonomy(const char *path)
{
    pc_error err;
    pc_taxonomy *tax = pc_tax_load(path, &err);
    if (!tax)
        cli_error("%s", err.msg);
    return tax;
}

int cli_load_model(const pc_taxonomy *tax, const cli_model_opt *mo, pc_model **out)
{
    *out = NULL;
    if (mo && mo->off)
        return 0;
    const char *path = mo ? mo->path : NULL;
    char *def = NULL;
    if (!path) {
        if (!(def = pc_model_default_path(tax->path))) {
            cli_error("out of memory");
            return -1;
        }
        if (access(def, F_OK) != 0) { /* a taxonomy without a model: the rules alone */
            free(def);
            return 0;
        }
        path = def;
    }
    pc_error err;
    *out = pc_model_load(path, tax, &err);
    if (!*out)
        cli_error("%s", err.msg);
    free(def);
    return *out ? 0 : -1;
}

/* The encoding --encoding forced, or NULL. */
static const char *cli_forced_encoding;

int cli_opt_encoding(const char *cmd, const char *name)
{
    pc_error err;
    if (pc_encoding_check(name, &err) == 0) {
        cli_forced_encoding = name;
        return 0;
    }
    cli_error("%s%s--encoding: %s (iconv --list names them)", cmd, *cmd ? ": " : "", err.msg);
    return -1;
}

pc_load_opts cli_load_opts(void)
{
    pc_load_opts o = {.encoding = cli_forced_encoding};
    const char *env = getenv("POLCMP_MAX_SIZE");
    if (env && *env) {
        char *end;
        double v = strtod(env, &end);
        double mul = *end == 'K' || *end == 'k' ? 1024.0
                     : *end == 'M' || *end == 'm' ? 1048576.0
                     : *end == 'G' || *end == 'g' ? 1073741824.0
                                                  : 1.0;
        if (v > 0)
            o.max_bytes = (size_t)(v * mul);
        else
            cli_warn("POLCMP_MAX_SIZE='%s' is not a size; using the default", env);
    }
    return o;
}

/* Make p's id unique among the first n policies by appending "-2", "-3"... */
static int cli_unique_id(pc_policy **all, size_t n, pc_policy *p)
{
    for (int k = 2;; k++) {
        int clash = 0;
        for (size_t i = 0; i < n && !clash; i++)
            clash = !strcmp(all[i]->id, p->id);
        if (!clash)
            return 0;
        size_t len = strlen(p->doc->name) + 16;
        char *id = malloc(len);
        if (!id)
            return -1;
        snprintf(id, len, "%s-%d", p->doc->name, k);
        free(p->id);
        p->id = id;
    }
}

/* A policy with no clause, refused unless allowed. 1 when it is refused (reported). */
static int cli_refuse_empty(const pc_policy *p, int allow_empty)
{
    if (allow_empty || p->outline->nclauses > 0)
        return 0;
    cli_error("%s: no clause found, so it cannot be compared (--allow-empty compares it "
              "anyway)", p->doc->path);
    return 1;
}

pc_policy **cli_open_policies(char **paths, size_t npaths, const pc_taxonomy *tax,
                              const pc_classify_opts *copts, int allow_empty, size_t *n,
                              size_t *skipped)
{
    pc_policy **all = calloc(npaths ? npaths : 1, sizeof *all);
    pc_load_opts opts = cli_load_opts();
    *n = *skipped = 0;
    for (size_t i = 0; all && i < npaths; i++) {
        pc_error err;
        pc_policy *p = pc_policy_open_with(paths[i], &opts, tax, copts, &err);
        if (!p) {
            cli_error("%s", err.msg);
            ++*skipped;
            continue;
        }
        if (cli_refuse_empty(p, allow_empty)) {
            pc_policy_free(p);
            ++*skipped;
            continue;
        }
        cli_doc_warnings(p->doc);
        if (cli_unique_id(all, *n, p) < 0) {
            pc_policy_free(p);
            cli_free_policies(all, *n);
            return NULL;
        }
        all[(*n)++] = p;
    }
    return all;
}

void cli_free_policies(pc_policy **p, size_t n)
{
    for (size_t i = 0; p && i < n; i++)
        pc_policy_free(p[i]);
    free(p);
}

/* The reviewer's relabels, applied before comparing. 0, or -1 after printing why. */
static int cli_run_relabel(cli_run *run, const pc_review *review)
{
    pc_error err = {{0}};
    if (!review || !review->n)
        return 0;
    if (pc_review_apply_labels(review, run->pols, run->n, &err) < 0) {
        cli_error("%s", err.msg);
        return -1;
    }
    if (err.msg[0])
        cli_warn("%s", err.msg); /* an unknown category id: that relabel is skipped */
    return 0;
}

int cli_run_open(cli_run *run, const char *taxonomy, const cli_model_opt *mo, char **paths,
                 size_t npaths, unsigned regimes, const pc_review *review, int allow_empty)
{
    memset(run, 0, sizeof *run);
    run->tax = cli_load_taxonomy(taxonomy);
    if (!run->tax || cli_load_model(run->tax, mo, &run->model) < 0) {
        cli_run_close(run);
        return -1;
    }
    pc_classify_opts copts = {.model = run->model};
    run->pols = cli_open_policies(paths, npaths, run->tax, &copts, allow_empty, &run->n,
                                  &run->skipped);
    pc_error err;
    if (!run->pols)
        cli_error("out of memory");
    else if (run->n == 0)
        cli_error("no policy could be read");
    else if (cli_run_relabel(run, review) == 0 &&
             !(run->cmp = pc_compare(run->tax, run->pols, run->n, regimes, &err)))
        cli_error("%s", err.msg);
    if (run->cmp)
        return 0;
    cli_run_close(run);
    return -1;
}

void cli_run_close(cli_run *run)
{
    pc_comparison_free(run->cmp);
    cli_free_policies(run->pols, run->n);
    pc_model_free(run->model);
    pc_tax_free(run->tax);
    memset(run, 0, sizeof *run);
}
