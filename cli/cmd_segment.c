/* cmd_segment.c: `polcmp segment [--json] POLICY`: the outline of one policy.
 *
 * --json prints {"file":..,"title":..,"sections":[{"title":..,"level":n,"line":n,"start":b,
 * "end":b,"clauses":[{"clause":i,"start":b,"end":b,"line":n,"text":..,"kind":"item",
 * "lead":i}],"sections":[...]}],"chrome":[{"start":b,"end":b,"text":..}]} (nested sections,
 * "kind"/"lead" only on list items, "lead" a clause index; sections and clauses of a PDF also
 * carry "page"). Without it, an indented outline
 * fitted to the terminal's width.
 */
#include "cli.h"
#include "segment/segment.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static json_t *seg_json_str(const pc_doc *doc, size_t s, size_t e)
{
    return json_stringn(doc->text + s, e - s);
}

/* The page of an offset of a PDF, or NULL (no "page" key) for other documents. */
static json_t *seg_page(const pc_doc *doc, size_t at)
{
    return doc->npages ? json_integer(pc_doc_source_page(doc, at)) : NULL;
}

static json_t *seg_json_clause(const pc_outline *o, size_t i)
{
    const pc_clause *c = &o->clauses[i];
    int item = c->kind == PC_CLAUSE_ITEM;
    return json_pack("{s:I, s:I, s:I, s:I, s:o*, s:o*, s:s*, s:o*}", "clause", (json_int_t)i,
                     "start", (json_int_t)c->start, "end", (json_int_t)c->end, "line",
                     (json_int_t)pc_doc_source_line(o->doc, c->start), "page",
                     seg_page(o->doc, c->start), "text", seg_json_str(o->doc, c->start, c->end),
                     "kind", item ? "item" : NULL, "lead", item ? json_integer(c->lead) : NULL);
}

static json_t *seg_json_section(const pc_outline *o, size_t i)
{
    const pc_section *s = &o->sections[i];
    json_t *cl = json_array();
    for (size_t k = 0; k < s->nclauses; k++)
        json_array_append_new(cl, seg_json_clause(o, s->first_clause + k));
    return json_pack("{s:o*, s:i, s:I, s:o*, s:I, s:I, s:o}", "title",
                     seg_json_str(o->doc, s->title_start, s->title_end), "level", s->level,
                     "line", (json_int_t)pc_doc_source_line(o->doc, s->start), "page",
                     seg_page(o->doc, s->start), "start", (json_int_t)s->start, "end",
                     (json_int_t)s->end, "clauses", cl);
}

/* Each section's object nested in its parent's "sections" (objs[i]: section i's). */
static void seg_nest(const pc_outline *o, json_t **objs, json_t *top)
{
    for (size_t i = 0; i < o->nsections; i++) {
        objs[i] = seg_json_section(o, i);
        int p = o->sections[i].parent;
        json_t *kids = p < 0 ? top : json_object_get(objs[p], "sections");
        if (!kids) {
            kids = json_array();
            json_object_set_new(objs[p], "sections", kids);
        }
        json_array_append_new(kids, objs[i]);
    }
}

static int seg_print_json(const pc_outline *o, const char *path)
{
    json_t *top = json_array(), *chrome = json_array();
    json_t **objs = calloc(o->nsections ? o->nsections : 1, sizeof *objs);
    if (!top || !chrome || !objs) {
        json_decref(top);
        json_decref(chrome);
        free(objs);
        cli_error("%s: out of memory", path);
        return CLI_ERROR;
    }
    seg_nest(o, objs, top);
    for (size_t i = 0; i < o->nchrome; i++)
        json_array_append_new(chrome, json_pack("{s:I, s:I, s:o*}", "start",
                                                (json_int_t)o->chrome[i].start, "end",
                                                (json_int_t)o->chrome[i].end, "text",
                                                seg_json_str(o->doc, o->chrome[i].start,
                                                             o->chrome[i].end)));
    json_t *root = json_pack("{s:s, s:o*, s:o, s:o}", "file", path, "title",
                             seg_json_str(o->doc, o->title.start, o->title.end), "sections", top,
                             "chrome", chrome);
    int rc = root && json_dumpf(root, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER) == 0 ? CLI_OK
                                                                                     : CLI_ERROR;
    putchar('\n');
    json_decref(root);
    free(objs);
    return rc;
}

static size_t seg_columns(void)
{
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
        return ws.ws_col;
    const char *env = getenv("COLUMNS");
    long n = env ? strtol(env, NULL, 10) : 0;
    return n >= 20 && n <= 1000 ? (size_t)n : 80;
}

/* Print s[0..n) on one line within `width` display columns: newlines and tabs become spaces,
 * and a cut (never inside a UTF-8 sequence) ends with "…". */
static void seg_print_fitted(const char *s, size_t n, size_t width)
{
    size_t used = 0, i = 0;
    size_t total = pc_utf8_width(s, n);
    size_t room = total > width && width > 0 ? width - 1 : width;
    while (i < n) {
        uint32_t cp;
        size_t k = pc_utf8_decode(s + i, n - i, &cp);
        if (!k) {
            k = 1;
            cp = 0xFFFD;
        }
        size_t w = cp == '\n' || cp == '\t' ? 1 : (size_t)pc_cp_width(cp);
        if (used + w > room)
            break;
        if (cp == '\n' || cp == '\t')
            putchar(' ');
        else if (cp == 0xFFFD && k == 1)
            fputs("\xEF\xBF\xBD", stdout);
        else
            fwrite(s + i, 1, k, stdout);
        used += w;
        i += k;
    }
    if (i < n)
        fputs("\xE2\x80\xA6", stdout);
    putchar('\n');
}

/* The outline for people: the title, sections indented by level, one line per clause fitted
 * to the terminal by display width. */
static void seg_print_outline(const pc_outline *o)
{
    size_t cols = seg_columns();
    const char *t = o->doc->text;
    if (o->title.end > o->title.start) {
        fputs("= ", stdout);
        seg_print_fitted(t + o->title.start, o->title.end - o->title.start, cols - 2);
    }
    for (size_t i = 0; i < o->nsections; i++) {
        const pc_section *s = &o->sections[i];
        size_t ind = 2 * (size_t)(s->level - 1);
        ind = ind > cols / 2 ? cols / 2 : ind;
        printf("%*s", (int)ind, "");
        if (s->title_end > s->title_start)
            seg_print_fitted(t + s->title_start, s->title_end - s->title_start, cols - ind);
        else
            puts("(untitled)");
        for (size_t k = 0; k < s->nclauses; k++) {
            const pc_clause *c = &o->clauses[s->first_clause + k];
            const char *mark = c->kind == PC_CLAUSE_ITEM ? "  * " : "  - ";
            printf("%*s%s", (int)ind, "", mark);
            seg_print_fitted(t + c->start, c->end - c->start, cols - ind - 4);
        }
    }
    if (o->nchrome) {
        pc_buf b = {0};
        for (size_t i = 0; i < o->nchrome; i++) {
            pc_buf_adds(&b, i ? ", " : "(chrome: ");
            pc_buf_add(&b, t + o->chrome[i].start, o->chrome[i].end - o->chrome[i].start);
        }
        pc_buf_adds(&b, ")");
        if (b.data)
            seg_print_fitted(b.data, b.len, cols);
        pc_buf_free(&b);
    }
}

int cmd_segment(const cli_args *a)
{
    const char *path = a->args[0];
    pc_doc *doc = cli_load_doc(path);
    if (!doc)
        return CLI_ERROR;
    pc_error err = {{0}};
    pc_outline *o = pc_segment(doc, &err);
    if (!o) {
        cli_error("%s", err.msg);
        pc_doc_free(doc);
        return CLI_ERROR;
    }
    pc_outline_check(o, doc);
    cli_doc_warnings(doc);
    int rc = CLI_OK;
    if (a->val[CLI_O_JSON])
        rc = seg_print_json(o, path);
    else
        seg_print_outline(o);
    pc_outline_free(o);
    pc_doc_free(doc);
    return rc;
}
