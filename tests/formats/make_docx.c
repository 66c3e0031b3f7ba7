/* make_docx.c: see make_docs.h. */
#include "make_docs.h"

#include "util/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

static void xml_text(pc_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '<')
            pc_buf_adds(b, "&lt;");
        else if (s[i] == '>')
            pc_buf_adds(b, "&gt;");
        else if (s[i] == '&')
            pc_buf_adds(b, "&amp;");
        else
            pc_buf_addc(b, s[i]);
    }
}

/* One w:p; style may be NULL; ilvl >= 0 makes it a numbered item. The text is split into two
 * runs, as Word does around formatting. */
static void para(pc_buf *b, const char *style, int ilvl, const char *s, size_t n)
{
    pc_buf_adds(b, "<w:p>");
    if (style || ilvl >= 0) {
        pc_buf_adds(b, "<w:pPr>");
        if (style)
            pc_buf_printf(b, "<w:pStyle w:val=\"%s\"/>", style);
        if (ilvl >= 0)
            pc_buf_printf(b, "<w:numPr><w:ilvl w:val=\"%d\"/><w:numId w:val=\"1\"/></w:numPr>",
                          ilvl);
        pc_buf_adds(b, "</w:pPr>");
    }
    size_t half = n / 2;
    while (half < n && s[half] != ' ')
        half++;
    pc_buf_adds(b, "<w:r><w:t xml:space=\"preserve\">");
    xml_text(b, s, half);
    pc_buf_adds(b, "</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">");
    xml_text(b, s + half, n - half);
    pc_buf_adds(b, "</w:t></w:r></w:p>");
}

static char *document_xml(const pc_outline *o)
{
    pc_buf b = {0};
    pc_buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                    "wordprocessingml/2006/main\"><w:body>");
    for (size_t i = 0; i < o->nsections; i++) {
        const pc_section *s = &o->sections[i];
        char style[32];
        snprintf(style, sizeof style, "Heading%d", s->level > 3 ? 3 : s->level);
        if (s->title_end > s->title_start)
            para(&b, style, -1, o->doc->text + s->title_start, s->title_end - s->title_start);
        for (size_t k = 0; k < s->nclauses; k++) {
            const pc_clause *c = &o->clauses[s->first_clause + k];
            para(&b, NULL, c->kind == PC_CLAUSE_ITEM ? 0 : -1, o->doc->text + c->start,
                 c->end - c->start);
        }
    }
    pc_buf_adds(&b, "<w:sectPr/></w:body></w:document>\n");
    return pc_buf_steal(&b);
}

static const char styles_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/></w:style>"
    "</w:styles>\n";

static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>\n";

static int add(zip_t *z, const char *name, const char *data, int owned)
{
    zip_source_t *src = zip_source_buffer(z, data, strlen(data), owned);
    if (!src || zip_file_add(z, name, src, ZIP_FL_OVERWRITE) < 0) {
        zip_source_free(src);
        return -1;
    }
    return 0;
}

int make_docx(const pc_outline *o, const char *path)
{
    int ze;
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &ze);
    char *doc = document_xml(o);
    int rc = z && doc ? 0 : -1;
    if (rc == 0)
        rc = add(z, "[Content_Types].xml", content_types, 0) | add(z, "word/styles.xml",
                                                                   styles_xml, 0) |
             add(z, "word/document.xml", doc, 1);
    else
        free(doc);
    if (z && zip_close(z) < 0)
        rc = -1;
    if (rc < 0)
        fprintf(stderr, "%s: could not write the DOCX\n", path);
    return rc;
}
