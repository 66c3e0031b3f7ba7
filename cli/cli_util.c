/* cli_util.c: messages, loading with diagnostics, default paths. */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* --color, as cli_check_color last set it. */
static int cli_color_mode = CLI_COLOR_AUTO;

int cli_check_color(cli_args *a, const char *value, pc_error *why)
{
    static const char *const modes[] = {"auto", "always", "never"};
    for (int m = 0; m < 3; m++)
        if (!strcmp(value, modes[m])) {
            a->color = cli_color_mode = m;
            return 0;
        }
    pc_error_set(why, "wants auto, always or never, not '%s'", value);
    return -1;
}

/* Whether messages on stderr are coloured. */
static int cli_colored(void)
{
    const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
    if (cli_color_mode != CLI_COLOR_AUTO)
        return cli_color_mode == CLI_COLOR_ALWAYS;
    return isatty(STDERR_FILENO) && !(no && *no) && term && strcmp(term, "dumb") != 0;
}

void cli_say(const char *line, size_t len)
{
    static const char warn[] = "polcmp: warning: ";
    size_t w = sizeof warn - 1;
    if (!cli_colored() || len < 8)
        fprintf(stderr, "%.*s\n", (int)len, line);
    else if (len >= w && !strncmp(line, warn, w)) /* "warning:" bold magenta */
        fprintf(stderr, "polcmp: \033[1;35mwarning:\033[0m %.*s\n", (int)(len - w), line + w);
    else /* an error: "polcmp:" bold red */
        fprintf(stderr, "\033[1;31mpolcmp:\033[0m%.*s\n", (int)(len - 7), line + 7);
}

static void cli_sayv(const char *lead, const char *fmt, va_list ap)
{
    char line[2 * PC_ERROR_MAX];
    int n = snprintf(line, sizeof line, "%s", lead);
    vsnprintf(line + n, sizeof line - (size_t)n, fmt, ap);
    cli_say(line, strlen(line));
}

void cli_errorv(const char *fmt, va_list ap)
{
    cli_sayv("polcmp: ", fmt, ap);
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cli_errorv(fmt, ap);
    va_end(ap);
}

void cli_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cli_sayv("polcmp: warning: ", fmt, ap);
    va_end(ap);
}

char *cli_trip_line(const pc_comparison *c, const pc_finding *f)
{
    pc_buf b = {0};
    pc_buf_printf(&b, "%s (%s) in ", pc_finding_kind_name(f->kind), pc_severity_name(f->severity));
    for (size_t i = 0, n = 0; i < c->npolicies; i++)
        if ((f->policies >> i) & 1)
            pc_buf_printf(&b, "%s%s", n++ ? ", " : "", c->policies[i]->id);
    pc_buf_printf(&b, ": %s", f->message ? f->message : "");
    for (size_t i = 0; i < b.len; i++)
        b.data[i] = b.data[i] == '\n' || b.data[i] == '\t' ? ' ' : b.data[i];
    return b.data;
}

void cli_fail_on_report(const cli_args *a, const size_t counts[PC_FIND_COUNT], char *const *lines,
                        size_t nlines)
{
    size_t total = 0;
    pc_buf kinds = {0};
    for (int k = 0; k < PC_FIND_COUNT; k++)
        if (counts[k]) {
            pc_buf_printf(&kinds, "%s%zu %s", total ? ", " : "", counts[k],
                          pc_finding_kind_name((pc_finding_kind)k));
            total += counts[k];
        }
    cli_error("%s: --fail-on %s: %zu finding%s: %s", a->cmd->name, a->val[CLI_O_FAIL_ON], total,
              total == 1 ? "" : "s", kinds.data ? kinds.data : "");
    for (size_t i = 0; i < nlines; i++)
        cli_error("  %s", lines[i]);
    if (total > nlines)
        cli_error("  and %zu more", total - nlines);
    pc_buf_free(&kinds);
}

void cli_cmd_error(const cli_args *a, int hint, const char *fmt, ...)
{
    const char *cmd = a->cmd->name;
    char msg[PC_ERROR_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    cli_error("%s%s%s%s%s%s", cmd ? cmd : "", cmd ? ": " : "", msg,
              hint ? (cmd ? " (polcmp help " : " (polcmp --help") : "", hint && cmd ? cmd : "",
              hint ? ")" : "");
}

int cli_fail_on_check(const cli_args *a)
{
    if (!(a->fail_on & (1u << PC_FIND_MISSING)) || a->regimes)
        return 0;
    cli_cmd_error(a, 1,
                  "--fail-on missing-required needs --regime (gdpr, ccpa, coppa or all): "
                  "without one nothing is required, so it could never be met");
    return -1;
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

const char *cli_taxonomy(const cli_args *a)
{
    const char *env = getenv("POLCMP_TAXONOMY");
    if (a->val[CLI_O_TAXONOMY])
        return a->val[CLI_O_TAXONOMY];
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

int cli_load_model(const pc_taxonomy *tax, const cli_args *a, pc_model **out)
{
    pc_error err = {{0}};
    *out = NULL;
    if (a->val[CLI_O_NO_MODEL] || pc_model_open(tax, a->val[CLI_O_MODEL], out, &err) == 0)
        return 0;
    cli_error("%s", err.msg);
    return -1;
}

/* The encoding --encoding forced, or NULL. */
static const char *cli_forced_encoding;

int cli_check_encoding(cli_args *a, const char *value, pc_error *why)
{
    pc_error e = {{0}};
    (void)a;
    if (pc_encoding_check(value, &e) < 0) {
        pc_error_set(why, "%s (iconv --list names them)", e.msg);
        return -1;
    }
    cli_forced_encoding = value;
    return 0;
}

pc_load_opts cli_load_opts(void)
{
    pc_load_opts o = {.encoding = cli_forced_encoding};
    const char *env = getenv("POLCMP_MAX_SIZE");
    if (env && *env) {
        char *end;
        double v = strtod(env, &end);
        double mul = *end == 'K' || *end == 'k'   ? 1024.0
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
