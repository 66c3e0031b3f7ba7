/* cli_util.c: messages, loading with diagnostics, default paths. */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("polcmp: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
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

pc_doc *cli_load_doc(const char *path)
{
    pc_error err;
    pc_doc *doc = pc_doc_load(path, NULL, &err);
    if (!doc) {
        cli_error("%s", err.msg);
        return NULL;
    }
    if (doc->invalid_bytes)
        cli_warn("%s: %zu invalid UTF-8 byte%s replaced with U+FFFD", path, doc->invalid_bytes,
                 doc->invalid_bytes == 1 ? "" : "s");
    if (doc->controls_removed)
        cli_warn("%s: %zu control character%s removed", path, doc->controls_removed,
                 doc->controls_removed == 1 ? "" : "s");
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
