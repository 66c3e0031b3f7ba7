/* jsonw.h: JSON written as it is produced, without building a tree.
 *
 * The output is byte for byte what jansson's json_dump (JSON_COMPACT | JSON_PRESERVE_ORDER |
 * JSON_REAL_PRECISION(6), the flags of every JSON polcmp writes) makes of the same values, so a
 * writer can move from a jansson tree to this one without changing its output: strings escape
 * '"', '\\' and control characters (\b \f \n \r \t, others as \u00XX) and keep other UTF-8 as
 * it is; reals print with six significant digits and always carry a '.' or an exponent
 * ("1.0", "1e-7"). Bytes that are not valid UTF-8 are written as U+FFFD, so the output is
 * always valid JSON (jansson refuses such strings).
 *
 * With pc_jsonw_indent(w, n) the layout is instead jansson's JSON_INDENT(n) (without
 * JSON_COMPACT): each member or element on its own line indented n spaces a level, ": " after
 * keys, empty containers as "{}" and "[]"; values are written as above.
 *
 * Commas and colons are placed by the writer: call pc_jsonw_key() before each value of an
 * object. Output collects in `out`; with a stream, it is written to the stream whenever it
 * passes PC_JSONW_FLUSH bytes and at pc_jsonw_flush(), so memory stays small whatever the
 * size of the document.
 */
#ifndef POLCMP_JSONW_H
#define POLCMP_JSONW_H

#include "util/util.h"

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

#define PC_JSONW_DEPTH 64
#define PC_JSONW_FLUSH 65536

/* pc_jsonw: one document being written. Owns `out` when it made it (pc_jsonw_init_stream);
 * borrows the buffer given to pc_jsonw_init and the stream. Plain value otherwise. */
typedef struct pc_jsonw {
    pc_buf *out;
    pc_buf own;   /* the buffer of a stream writer */
    FILE *f;      /* where full buffers go, or NULL */
    int failed;   /* out of memory, a write error or a nesting past PC_JSONW_DEPTH: sticky */
    int depth;
    unsigned char more[PC_JSONW_DEPTH]; /* a value was written at this level: next needs ',' */
    int after_key; /* a key was just written: the value needs no comma */
    int indent;    /* spaces a level (pc_jsonw_indent); 0: compact */
} pc_jsonw;

/* Write into b (appended to; the caller owns it). */
void pc_jsonw_init(pc_jsonw *w, pc_buf *b);
/* Write to f through a buffer of the writer's own; pc_jsonw_flush() before reading f and
 * pc_jsonw_done() to free the buffer. */
void pc_jsonw_init_stream(pc_jsonw *w, FILE *f);
/* Lay out what follows as JSON_INDENT(n) does (n > 0), from the top level on. */
void pc_jsonw_indent(pc_jsonw *w, int n);
/* Write what is buffered to the stream (nothing without one). 0, or -1 when anything failed. */
int pc_jsonw_flush(pc_jsonw *w);
/* Flush and free the writer's own buffer. 0, or -1 when anything failed. */
int pc_jsonw_done(pc_jsonw *w);

void pc_jsonw_obj(pc_jsonw *w);
void pc_jsonw_obj_end(pc_jsonw *w);
void pc_jsonw_arr(pc_jsonw *w);
void pc_jsonw_arr_end(pc_jsonw *w);
/* An object's key (NUL-terminated); the next call writes its value. */
void pc_jsonw_key(pc_jsonw *w, const char *key);
/* An object's key given as a string literal of printable ASCII without '"' or '\\' (nothing
 * to escape): written as pc_jsonw_key writes it, without measuring or scanning it. */
#define pc_jsonw_key_lit(w, lit) pc_jsonw_key_quoted((w), PC_JSONW_QUOTED(lit))
/* Such a literal key in quotes with its colon, and its length: pc_jsonw_key_quoted's
 * arguments (for tables of keys). */
#define PC_JSONW_QUOTED(lit) "\"" lit "\":", sizeof(lit) + 2
/* A key as PC_JSONW_QUOTED gives it: quoted is the key in quotes and its colon, n bytes. */
void pc_jsonw_key_quoted(pc_jsonw *w, const char *quoted, size_t n);
/* An object's member with a key as PC_JSONW_QUOTED gives it, written as pc_jsonw_key_quoted
 * and pc_jsonw_strn / pc_jsonw_str / pc_jsonw_int / pc_jsonw_real would write it, in one call (the comma, the
 * key and the value in one reservation). */
void pc_jsonw_member_strn(pc_jsonw *w, const char *quoted, size_t qn, const char *s, size_t n);
void pc_jsonw_member_str(pc_jsonw *w, const char *quoted, size_t qn, const char *s);
void pc_jsonw_member_int(pc_jsonw *w, const char *quoted, size_t qn, long long v);
void pc_jsonw_member_real(pc_jsonw *w, const char *quoted, size_t qn, double v);
/* The same with a string literal key, as pc_jsonw_key_lit takes it. */
#define pc_jsonw_lit_strn(w, lit, s, n) pc_jsonw_member_strn((w), PC_JSONW_QUOTED(lit), (s), (n))
#define pc_jsonw_lit_str(w, lit, s)     pc_jsonw_member_str((w), PC_JSONW_QUOTED(lit), (s))
#define pc_jsonw_lit_int(w, lit, v)     pc_jsonw_member_int((w), PC_JSONW_QUOTED(lit), (v))
#define pc_jsonw_lit_real(w, lit, v)    pc_jsonw_member_real((w), PC_JSONW_QUOTED(lit), (v))
/* Members of an object as a compact writer wrote them (n bytes, without a comma before the
 * first): copied, with the comma they need, as if written again one by one. For members
 * repeated on many lines (a policy's name and path) escaped once. A compact writer only
 * (w->indent is 0); nothing for n == 0. */
void pc_jsonw_members_raw(pc_jsonw *w, const char *members, size_t n);
/* An object's member: its key, then a string (NULL writes null) or an integer. */
void pc_jsonw_key_str(pc_jsonw *w, const char *key, const char *s);
void pc_jsonw_key_int(pc_jsonw *w, const char *key, long long v);
/* A string: NUL-terminated (NULL writes null), or n bytes (may hold NULs). */
void pc_jsonw_str(pc_jsonw *w, const char *s);
void pc_jsonw_strn(pc_jsonw *w, const char *s, size_t n);
void pc_jsonw_int(pc_jsonw *w, long long v);
/* A pair of integers as an array, [a,b] (a span), as pc_jsonw_arr, two pc_jsonw_int and
 * pc_jsonw_arr_end write it. */
void pc_jsonw_span(pc_jsonw *w, long long a, long long b);
/* A real; a value that is not finite is written as null. */
void pc_jsonw_real(pc_jsonw *w, double v);
void pc_jsonw_bool(pc_jsonw *w, int v);
void pc_jsonw_null(pc_jsonw *w);
/* A jansson value (NULL writes null), written member by member as the calls above would. */
void pc_jsonw_value(pc_jsonw *w, const json_t *v);
/* A raw newline between top-level values (JSON Lines); flushes a stream writer's buffer when
 * it is full. */
void pc_jsonw_newline(pc_jsonw *w);

/* The escaped body of a string (without quotes) appended to b, and a real as the writer
 * prints it; exposed for the fuzzer and the tests. 0, or -1 on out of memory. */
int pc_json_escape(pc_buf *b, const char *s, size_t n);
int pc_json_real(pc_buf *b, double v);

#endif
