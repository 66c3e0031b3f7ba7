/* jsonl.c: the JSON Lines and line-list reader of jsonl.h. Reads the stream in blocks into
 * `rbuf` and assembles each line in `line`, so a line's size, not the stream's, bounds memory. */
#include "util/jsonl.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define PC_JSONL_BLOCK 65536

/* The reader. Borrows f and name; owns line. */
struct pc_jsonl {
    FILE *f;
    const char *name;
    size_t max_line;
    size_t lineno;
    pc_buf line;
    size_t rpos, rlen;
    char rbuf[PC_JSONL_BLOCK];
};

pc_jsonl *pc_jsonl_new(FILE *f, const char *name, size_t max_line, pc_error *err)
{
    pc_jsonl *r = calloc(1, sizeof *r);
    if (!r) {
        pc_error_set(err, "out of memory");
        return NULL;
    }
    r->f = f;
    r->name = name;
    r->max_line = max_line ? max_line : PC_JSONL_MAX_LINE_DEFAULT;
    return r;
}

void pc_jsonl_free(pc_jsonl *r)
{
    if (!r)
        return;
    pc_buf_free(&r->line);
    free(r);
}

size_t pc_jsonl_line(const pc_jsonl *r)
{
    return r->lineno;
}

/* Refill rbuf when it is used up. Returns 1 with bytes available, 0 at the end, -1 on error. */
static int pc_jsonl_fill(pc_jsonl *r)
{
    if (r->rpos < r->rlen)
        return 1;
    r->rpos = 0;
    r->rlen = fread(r->rbuf, 1, sizeof r->rbuf, r->f);
    if (r->rlen > 0)
        return 1;
    return ferror(r->f) ? -1 : 0;
}

static int pc_jsonl_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int pc_jsonl_starts_with_object(pc_jsonl *r)
{
    /* White space before the first content is consumed; the lines it ends are counted. */
    while (pc_jsonl_fill(r) > 0) {
        char c = r->rbuf[r->rpos];
        if (!pc_jsonl_space(c))
            return c == '{';
        r->lineno += c == '\n';
        r->rpos++;
    }
    return 0;
}

/* Append the part of rbuf up to the next "\n" (consumed) to the line, unless it is already
 * too long. Returns 1 when the line ended, 0 when it goes on in the next block, -1 on OOM. */
static int pc_jsonl_take(pc_jsonl *r, int *too_long)
{
    const char *start = r->rbuf + r->rpos;
    const char *nl = memchr(start, '\n', r->rlen - r->rpos);
    size_t n = nl ? (size_t)(nl - start) : r->rlen - r->rpos;
    r->rpos += n + (nl != NULL);
    if (!*too_long && r->line.len + n > r->max_line) {
        *too_long = 1;
        r->line.len = 0;
    } else if (!*too_long && n > 0 && pc_buf_add(&r->line, start, n) < 0) {
        return -1;
    }
    return nl != NULL;
}

int pc_jsonl_read_line(pc_jsonl *r, const char **line, size_t *len, pc_error *err)
{
    int too_long = 0, any = 0;
    r->line.len = 0;
    for (;;) {
        int rc = pc_jsonl_fill(r);
        if (rc < 0) {
            pc_error_set(err, "%s:%zu: read error: %s", r->name, r->lineno + 1, strerror(errno));
            return -2;
        }
        if (rc == 0) {
            if (!any)
                return 0;
            break; /* a last line without "\n" */
        }
        any = 1;
        rc = pc_jsonl_take(r, &too_long);
        if (rc < 0) {
            pc_error_set(err, "%s:%zu: out of memory", r->name, r->lineno + 1);
            return -2;
        }
        if (rc == 1)
            break;
    }
    r->lineno++;
    if (too_long) {
        pc_error_set(err, "%s:%zu: line longer than %zu bytes", r->name, r->lineno,
                     r->max_line);
        return -1;
    }
    if (r->line.len > 0 && r->line.data[r->line.len - 1] == '\r')
        r->line.len--;
    if (r->line.data)
        r->line.data[r->line.len] = '\0'; /* also for an empty line after a longer one */
    *line = r->line.data ? r->line.data : "";
    *len = r->line.len;
    return 1;
}

static int pc_jsonl_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!pc_jsonl_space(s[i]))
            return 0;
    return 1;
}

int pc_jsonl_next(pc_jsonl *r, json_t **obj, pc_error *err)
{
    const char *line;
    size_t len;
    int rc;
    *obj = NULL;
    while ((rc = pc_jsonl_read_line(r, &line, &len, err)) == 1 && pc_jsonl_blank(line, len))
        ;
    if (rc != 1)
        return rc;
    json_error_t jerr;
    json_t *v = json_loadb(line, len, 0, &jerr);
    if (!v) {
        pc_error_set(err, "%s:%zu:%d: invalid JSON: %s", r->name, r->lineno, jerr.column,
                     jerr.text);
        return -1;
    }
    if (!json_is_object(v)) {
        json_decref(v);
        pc_error_set(err, "%s:%zu: not a JSON object", r->name, r->lineno);
        return -1;
    }
    *obj = v;
    return 1;
}
