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
    pc_error err = {{0}};
    if (pc_regimes_parse(arg, regimes, &err) == 0)
        return 0;
    cli_error("%s%s--regime: %s", cmd, *cmd ? ": " : "", err.msg);
    return -1;
}

int cli_opt_kinds(const char *cmd, const char *arg, unsigned *kinds)
{
    pc_error err = {{0}};
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
    pc_error err = {{0}};
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
    pc_error err = {{0}};
    pc_taxonomy *tax = pc_tax_load(path, &err);
    if (!tax)
        cli_error("%s", err.msg);
    return tax;
}

/* The encoding --encoding forced, or NULL. */
static const char *cli_forced_encoding;

int cli_load_model(const pc_taxonomy *tax, const cli_model_opt *mo, pc_model **out)
{
    pc_error err = {{0}};
    *out = NULL;
    if (mo && mo->off)
        return 0;
    if (pc_model_open(tax, mo ? mo->path : NULL, out, &err) == 0)
        return 0;
    cli_error("%s", err.msg);
    return -1;
}

int cli_opt_encoding(const char *cmd, const char *name)
{
    pc_error err = {{0}};
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

static void cli_session_note(void *ctx, int error, const char *msg)
{
    (void)ctx;
    if (error)
        cli_error("%s", msg);
    else
        cli_warn("%s", msg);
}

static void cli_session_loaded(void *ctx, const pc_doc *doc)
{
    (void)ctx;
    cli_doc_warnings(doc);
}

pc_session *cli_session_open(pc_session_opts *opts, char **paths, size_t npaths)
{
    pc_error err = {{0}};
    opts->load = cli_load_opts();
    opts->note = cli_session_note;
    opts->loaded = cli_session_loaded;
    pc_session *s = pc_session_open(opts, paths, npaths, &err);
    if (!s)
        cli_error("%s", err.msg);
    return s;
}
