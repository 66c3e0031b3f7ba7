/* fuzz_common.h: invariants every fuzz target checks on what the loaders produce. A broken
 * invariant calls __builtin_trap(), which libFuzzer reports as a crash with its input. */
#ifndef POLCMP_FUZZ_COMMON_H
#define POLCMP_FUZZ_COMMON_H

#include "text/load.h"
#include "segment/segment.h"
#include "util/util.h"

#include <stddef.h>
#include <stdint.h>

#define FUZZ_CHECK(cond)                                                                         \
    do {                                                                                         \
        if (!(cond))                                                                             \
            __builtin_trap();                                                                    \
    } while (0)

/* A loaded document: NUL-terminated, valid UTF-8, no control characters but "\n" and "\t",
 * no bidi overrides, line map and blocks inside the text. */
static inline void fuzz_check_doc(const pc_doc *d)
{
    FUZZ_CHECK(d->text != NULL && d->text[d->len] == '\0');
    for (size_t i = 0; i < d->len;) {
        uint32_t cp = 0;
        size_t k = pc_utf8_decode(d->text + i, d->len - i, &cp);
        FUZZ_CHECK(k > 0);
        FUZZ_CHECK(cp >= 0x20 || cp == '\n' || cp == '\t');
        FUZZ_CHECK(cp != 0x7f && !(cp >= 0x80 && cp <= 0x9f));
        FUZZ_CHECK(!(cp >= 0x202a && cp <= 0x202e) && !(cp >= 0x2066 && cp <= 0x2069));
        i += k;
    }
    for (size_t i = 0; i < d->nlines; i++) {
        FUZZ_CHECK(d->lines[i].offset <= d->len);
        FUZZ_CHECK(i == 0 || d->lines[i].offset >= d->lines[i - 1].offset);
    }
    for (size_t i = 0; i < d->nblocks; i++)
        FUZZ_CHECK(d->blocks[i].start <= d->blocks[i].end && d->blocks[i].end <= d->len);
    for (size_t i = 0; i < d->npages; i++) {
        FUZZ_CHECK(d->pages[i].offset <= d->len + 1 && d->pages[i].page >= 1);
        FUZZ_CHECK(i == 0 || d->pages[i].offset > d->pages[i - 1].offset);
    }
    for (size_t i = 0; i < d->nwarnings; i++)
        FUZZ_CHECK(d->warnings[i].msg && d->warnings[i].msg[0] && d->warnings[i].kind < PC_WARN_COUNT);
}

/* An outline: every span inside the text, clauses pointing at real sections. */
static inline void fuzz_check_outline(const pc_outline *o)
{
    size_t len = o->doc->len;
    for (size_t i = 0; i < o->nsections; i++) {
        const pc_section *s = &o->sections[i];
        FUZZ_CHECK(s->title_start <= s->title_end && s->title_end <= len);
        FUZZ_CHECK(s->start <= s->end && s->end <= len);
        FUZZ_CHECK(s->parent < (int)i);
        FUZZ_CHECK(s->first_clause + s->nclauses <= o->nclauses);
    }
    for (size_t i = 0; i < o->nclauses; i++) {
        const pc_clause *c = &o->clauses[i];
        FUZZ_CHECK(c->start <= c->end && c->end <= len);
        FUZZ_CHECK(c->section >= 0 && (size_t)c->section < o->nsections);
        FUZZ_CHECK(c->lead < (int)o->nclauses);
    }
    for (size_t i = 0; i < o->nchrome; i++)
        FUZZ_CHECK(o->chrome[i].start <= o->chrome[i].end && o->chrome[i].end <= len);
    FUZZ_CHECK(o->title.start <= o->title.end && o->title.end <= len);
}

/* Load data in the given format and segment it; a failure must come with a message. */
static inline void fuzz_load_and_segment(const char *name, const uint8_t *data, size_t size,
                                         pc_format format)
{
    pc_error err = {{0}};
    pc_doc *doc = pc_doc_from_memory(name, (const char *)data, size, format, &err);
    if (!doc) {
        FUZZ_CHECK(err.msg[0] != '\0');
        return;
    }
    fuzz_check_doc(doc);
    pc_outline *o = pc_segment(doc, &err);
    if (o) {
        fuzz_check_outline(o);
        pc_outline_free(o);
    }
    pc_doc_free(doc);
}

#endif
