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
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static json_t *seg_json_str(const pc_doc *doc, size_t s, size_t e)
{
    return json_stringn(doc->text + s, e - s);
}

static json_t *seg_json_clause(const pc_outline *o, size_t i)
{
    const pc_clause *c = &o->clauses[i];
    json_t *j = json_object();
    json_object_set_new(j, "clause", json_integer((json_int_t)i));
    json_object_set_new(j, "start", json_integer((json_int_t)c->start));
    json_object_set_new(j, "end", json_integer((json_int_t)c->end));
    json_object_set_new(j, "line", json_integer(pc_doc_source_line(o->doc, c->start)));
    if (o->doc->npages) /* a PDF: the page it is on */
        json_object_set_new(j, "page", json_integer(pc_doc_source_page(o->doc, c->start)));
    json_object_set_new(j, "text", seg_json_str(o->doc, c->start, c->end));
    if (c->kind == PC_CLAUSE_ITEM) {
        json_object_set_new(j, "kind", json_string("item"));
        json_object_set_new(j, "lead", json_integer(c->lead));
    }
    return j;
}

static json_t *seg_json_section(const pc_outline *o, size_t i)
{
    const pc_section *s = &o->sections[i];
    json_t *j = json_object(), *cl = json_array();
    json_object_set_new(j, "title", seg_json_str(o->doc, s->title_start, s->title_end));
    json_object_set_new(j, "level", json_integer(s->level));
    json_object_set_new(j, "line", json_integer(pc_doc_source_line(o->doc, s->start)));
    if (o->doc->npages)
        json_object_set_new(j, "page", json_integer(pc_doc_source_page(o->doc, s->start)));
    json_object_set_new(j, "start", json_integer((json_int_t)s->start));
    json_object_set_new(j, "end", json_integer((json_int_t)s->end));
    for (size_t k = 0; k < s->nclauses; k++)
        json_array_append_new(cl, seg_json_clause(o, s->first_clause + k));
    json_object_set_new(j, "clauses", cl);
    return j;
}

static int seg_print_json(const pc_outline *o, const char *path)
{
    json_t *root = json_object(), *top = json_array(), *chrome = json_array();
    json_t **objs = calloc(o->nsections ? o->nsections : 1, sizeof *objs);
    if (!root || !top || !chrome || !objs) {
        json_decref(root);
        json_decref(top);
        json_decref(chrome);
        free(objs);
        cli_error("%s: out of memory", path);
        return CLI_ERROR;
    }
    json_object_set_new(root, "file", json_string(path));
    json_object_set_new(root, "title", seg_json_str(o->doc, o->title.start, o->title.end));
    for (size_t i = 0; i < o->nsections; i++) {
        objs[i] = seg_json_section(o, i);
        int p = o->sections[i].parent;
        if (p < 0) {
            json_array_append_new(top, objs[i]);
            continue;
        }
        json_t *kids = json_object_get(objs[p], "sections");
        if (!kids) {
            kids = json_array();
            json_object_set_new(objs[p], "sections", kids);
        }
        json_array_append_new(kids, objs[i]);
    }
    for (size_t i = 0; i < o->nchrome; i++) {
        json_t *c = json_object();
        json_object_set_new(c, "start", json_integer((json_int_t)o->chrome[i].start));
        json_object_set_new(c, "end", json_integer((json_int_t)o->chrome[i].end));
        json_object_set_new(c, "text", seg_json_str(o->doc, o->chrome[i].start, o->chrome[i].end));
        json_array_append_new(chrome, c);
    }
    json_object_set_new(root, "sections", top);
    json_object_set_new(root, "chrome", chrome);
    int rc = json_dumpf(root, stdout, JSON_COMPACT | JSON_PRESERVE_ORDER) == 0 ? CLI_OK : CLI_ERROR;
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

void cli_print_outline(const pc_outline *o)
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

int cmd_segment(int argc, char **argv)
{
    bool json = false;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--json")) {
            json = true;
        } else if (!strcmp(argv[i], "--encoding") && i + 1 < argc) {
            if (cli_opt_encoding("segment", argv[++i]) < 0)
                return CLI_ERROR;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_error("segment: unknown option '%s' (usage: polcmp segment [--json] [--encoding NAME] POLICY)",
                      argv[i]);
            return CLI_ERROR;
        } else if (path) {
            cli_error("segment: one policy at a time (usage: polcmp segment [--json] [--encoding NAME] POLICY)");
            return CLI_ERROR;
        } else {
            path = argv[i];
        }
    }
    if (!path) {
        cli_error("segment: no policy given (usage: polcmp segment [--json] [--encoding NAME] POLICY)");
        return CLI_ERROR;
    }
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
    if (json)
        rc = seg_print_json(o, path);
    else
        cli_print_outline(o);
    pc_outline_free(o);
    pc_doc_free(doc);
    return rc;
}
