/* model_io.c: the model file (docs/model-file.md): a text header anyone can read with `head`,
 * then the weights as little-endian binary with their checksum.
 *
 *   polcmp-model 4
 *   taxonomy ID FINGERPRINT
 *   data CHECKSUM RECORDS REVIEWED
 *   settings KEY=VALUE ...
 *   margin TEXT_MARGIN CLAUSE_MARGIN TEXT_CLASSES CLAUSE_CLASSES
 *         (a margin is a number or "none"; its classes, the bits of those it applies to, hex)
 *   mixed TEXT_CLASSES     (the classes a text read whole mixes its best clause into, hex)
 *   class K THRESHOLD RULE_THRESHOLD ALONE  CLAUSE_THRESHOLD CLAUSE_RULE_THRESHOLD
 *         CLAUSE_ALONE BIAS SCALE NAME                 (one line, K = 0..11 in order)
 *   weights NFEAT CHECKSUM
 *   <keys: NFEAT x u32><idf: NFEAT x f32><weights: NFEAT x 12 x i16>
 *
 * Numbers are written with %.17g so they read back exactly; checksums and fingerprints are
 * 16 hex digits (the weights' checksum XXH3-64, the others FNV-1a 64). Reading checks
 * everything before trusting it: the version, each line's shape and ranges, the class names,
 * the payload's exact length and checksum, keys strictly increasing, idf positive and finite. */
#include "classify/model.h"
#include "util/atomic.h"
#include "util/file.h"
#include "util/hash.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define IO_MAX_FILE (512u << 20)
#define IO_MAX_LINE 512

/* ---- settings ----------------------------------------------------------------------------- */

typedef enum io_kind { IO_INT, IO_DOUBLE } io_kind;

/* One setting: its name in the file, where it lives, its type and its allowed range. */
typedef struct io_key {
    const char *name;
    size_t off;
    io_kind kind;
    double min, max;
} io_key;

#define IO_INT_KEY(n, f, lo, hi) {n, offsetof(pc_model_settings, f), IO_INT, lo, hi}
#define IO_DBL_KEY(n, f, lo, hi) {n, offsetof(pc_model_settings, f), IO_DOUBLE, lo, hi}

static const io_key io_keys[] = {
    IO_INT_KEY("bigrams", bigrams, 0, 1),
    IO_INT_KEY("char_min", char_min, 0, PC_FEAT_MAX_CHAR),
    IO_INT_KEY("char_max", char_max, 0, PC_FEAT_MAX_CHAR),
    IO_INT_KEY("rules", rules, 0, 1),
    IO_INT_KEY("sublinear", sublinear, 0, 1),
    IO_INT_KEY("min_df", min_df, 1, 1000000),
    IO_DBL_KEY("w_word", w_word, 0, 100),
    IO_DBL_KEY("w_char", w_char, 0, 100),
    IO_DBL_KEY("w_rule", w_rule, 0, 100),
    IO_INT_KEY("solver", solver, 0, 7),
    IO_DBL_KEY("C", C, 1e-6, 1e6),
    IO_DBL_KEY("eps", eps, 1e-9, 1),
    IO_INT_KEY("balanced", balanced, 0, 1),
    IO_INT_KEY("folds", folds, 2, 100),
    IO_INT_KEY("groups", groups, 0, 1),
    IO_INT_KEY("review_weight", review_weight, 1, 1000),
    IO_DBL_KEY("clause_mix", clause_mix, 0, 1),
};
#define IO_NKEYS (sizeof io_keys / sizeof io_keys[0])

void pc_model_settings_default(pc_model_settings *s)
{
    *s = (pc_model_settings){
        .bigrams = 1,
        .char_min = 3,
        .char_max = 5,
        .rules = 1,
        .sublinear = 1,
        .min_df = 5,
        .w_word = 1.0,
        .w_char = 1.0,
        .w_rule = 0.25,
        .solver = 0, /* L2R_LR */
        .C = 3.0,
        .eps = 0.001,
        .balanced = 1,
        .folds = 5,
        .groups = 1,
        .review_weight = 3,
        .clause_mix = 0.5,
    };
}

static const io_key *io_find_key(const char *name, size_t n)
{
    for (size_t i = 0; i < IO_NKEYS; i++)
        if (strlen(io_keys[i].name) == n && !strncmp(io_keys[i].name, name, n))
            return &io_keys[i];
    return NULL;
}

/* Set one key from text[0..n); -1 with a reason in why. */
static int io_set_key(pc_model_settings *s, const io_key *k, const char *v, size_t n,
                      const char **why)
{
    char buf[64], *end;
    if (n == 0 || n >= sizeof buf) {
        *why = "a number";
        return -1;
    }
    memcpy(buf, v, n);
    buf[n] = '\0';
    errno = 0;
    double d = strtod(buf, &end);
    if (*end || errno || !isfinite(d) || d < k->min || d > k->max ||
        (k->kind == IO_INT && d != floor(d))) {
        *why = k->kind == IO_INT ? "an integer in range" : "a number in range";
        return -1;
    }
    char *p = (char *)s + k->off;
    if (k->kind == IO_INT)
        *(int *)p = (int)d;
    else
        *(double *)p = d;
    return 0;
}

/* Apply "k=v" items separated by `sep` (',' on the command line, ' ' in the file). */
static int io_settings_apply(pc_model_settings *s, const char *spec, char sep, pc_error *err,
                             const char *where)
{
    for (const char *p = spec; *p;) {
        size_t n = strcspn(p, sep == ',' ? "," : " ");
        const char *eq = memchr(p, '=', n);
        const io_key *k = eq ? io_find_key(p, (size_t)(eq - p)) : NULL;
        const char *why = NULL;
        if (!k) {
            pc_error_set(err, "%sunknown setting '%.*s'", where, (int)(eq ? eq - p : (long)n), p);
            return -1;
        }
        if (io_set_key(s, k, eq + 1, n - (size_t)(eq + 1 - p), &why) < 0) {
            pc_error_set(err, "%s%s wants %s, not '%.*s'", where, k->name, why,
                         (int)(n - (size_t)(eq + 1 - p)), eq + 1);
            return -1;
        }
        p += n;
        while (*p == sep)
            p++;
    }
    if (s->char_min > s->char_max || (s->char_min == 0) != (s->char_max == 0)) {
        pc_error_set(err, "%schar_min and char_max: both 0, or 1 <= char_min <= char_max", where);
        return -1;
    }
    return 0;
}

int pc_model_settings_parse(pc_model_settings *s, const char *spec, pc_error *err)
{
    return io_settings_apply(s, spec, ',', err, "");
}

/* ---- writing ------------------------------------------------------------------------------ */

static void io_put_u32(pc_buf *b, uint32_t v)
{
    unsigned char c[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    pc_buf_add(b, c, 4);
}

static void io_put_f32(pc_buf *b, float f)
{
    uint32_t v;
    memcpy(&v, &f, 4);
    io_put_u32(b, v);
}

static void io_put_i16(pc_buf *b, int16_t x)
{
    uint16_t v = (uint16_t)x;
    unsigned char c[2] = {(unsigned char)v, (unsigned char)(v >> 8)};
    pc_buf_add(b, c, 2);
}

static void io_header(const pc_model *m, pc_buf *b)
{
    pc_buf_printf(b, "polcmp-model %d\ntaxonomy %s %016llx\ndata %016llx %zu %zu\nsettings",
                  PC_MODEL_VERSION, m->tax_id, (unsigned long long)m->tax_fp,
                  (unsigned long long)m->data_sum, m->records, m->reviewed);
    for (size_t i = 0; i < IO_NKEYS; i++) {
        const char *p = (const char *)&m->set + io_keys[i].off;
        if (io_keys[i].kind == IO_INT)
            pc_buf_printf(b, " %s=%d", io_keys[i].name, *(const int *)p);
        else
            pc_buf_printf(b, " %s=%.17g", io_keys[i].name, *(const double *)p);
    }
    pc_buf_adds(b, "\nmargin");
    for (int u = 0; u < PC_MODEL_NUNITS; u++) {
        if (isfinite(m->margin[u]))
            pc_buf_printf(b, " %.17g", m->margin[u]);
        else
            pc_buf_adds(b, " none");
    }
    for (int u = 0; u < PC_MODEL_NUNITS; u++)
        pc_buf_printf(b, " %03x", m->margined[u]);
    pc_buf_printf(b, "\nmixed %03x\n", m->mixed);
    for (int k = 0; k < PC_MODEL_CLASSES; k++) {
        const pc_model_class *c = &m->cls[k];
        pc_buf_printf(b, "class %d", k);
        for (int u = 0; u < PC_MODEL_NUNITS; u++)
            pc_buf_printf(b, " %.17g %.17g %.17g", c->at[u].threshold, c->at[u].rule_threshold,
                          c->at[u].alone);
        pc_buf_printf(b, " %.17g %.17g %s\n", c->bias, c->scale, pc_opp12_name(k));
    }
}

char *pc_model_dump(const pc_model *m, size_t *len)
{
    pc_buf pay = {0}, b = {0};
    for (size_t r = 0; r < m->nfeat; r++)
        io_put_u32(&pay, m->keys[r]);
    for (size_t r = 0; r < m->nfeat; r++)
        io_put_f32(&pay, m->idf[r]);
    for (size_t i = 0; i < m->nfeat * PC_MODEL_CLASSES; i++)
        io_put_i16(&pay, m->w[i]);
    io_header(m, &b);
    pc_buf_printf(&b, "weights %zu %016llx\n", m->nfeat,
                  (unsigned long long)pc_sum64(pay.data ? pay.data : "", pay.len));
    if (pc_buf_add(&b, pay.data ? pay.data : "", pay.len) < 0 ||
        pay.len != m->nfeat * (8 + 2 * PC_MODEL_CLASSES)) {
        pc_buf_free(&pay);
        pc_buf_free(&b);
        return NULL;
    }
    pc_buf_free(&pay);
    *len = b.len;
    return pc_buf_steal(&b);
}

int pc_model_save(const pc_model *m, const char *path, pc_error *err)
{
    size_t len = 0;
    char *data = pc_model_dump(m, &len);
    if (!data) {
        pc_error_set(err, "%s: out of memory", path);
        return -1;
    }
    pc_outfile o;
    int rc = pc_outfile_open(&o, path, err);
    if (rc == 0 && fwrite(data, 1, len, o.f) != len) {
        pc_error_set(err, "%s: write failed: %s", path, strerror(errno));
        pc_outfile_abort(&o);
        rc = -1;
    } else if (rc == 0)
        rc = pc_outfile_commit(&o, err);
    free(data);
    return rc;
}

/* ---- reading ------------------------------------------------------------------------------ */

/* A reader over the file's bytes: the current position and line number. Borrows data. */
typedef struct io_reader {
    const char *name, *data;
    size_t len, pos;
    unsigned line;
    char buf[IO_MAX_LINE];
} io_reader;

/* The next header line into r->buf (without "\n"); -1 with err at the end or on a long line. */
static int io_line(io_reader *r, pc_error *err)
{
    const char *nl = memchr(r->data + r->pos, '\n', r->len - r->pos);
    size_t n = nl ? (size_t)(nl - (r->data + r->pos)) : r->len - r->pos;
    r->line++;
    if (!nl) {
        pc_error_set(err, "%s:%u: truncated: the header ends early", r->name, r->line);
        return -1;
    }
    if (n >= sizeof r->buf || memchr(r->data + r->pos, '\0', n)) {
        pc_error_set(err, "%s:%u: not a polcmp model header line", r->name, r->line);
        return -1;
    }
    memcpy(r->buf, r->data + r->pos, n);
    r->buf[n] = '\0';
    r->pos += n + 1;
    return 0;
}

static int io_bad(io_reader *r, pc_error *err, const char *what)
{
    pc_error_set(err, "%s:%u: corrupt model: %s", r->name, r->line, what);
    return -1;
}

static int io_hex(const char *s, uint64_t *v)
{
    char *end;
    if (strlen(s) != 16)
        return -1;
    errno = 0;
    unsigned long long x = strtoull(s, &end, 16);
    if (*end || errno)
        return -1;
    *v = x;
    return 0;
}

static int io_size(const char *s, size_t *v)
{
    char *end;
    if (*s < '0' || *s > '9')
        return -1;
    errno = 0;
    unsigned long long x = strtoull(s, &end, 10);
    if (*end || errno || x > (1ull << 40))
        return -1;
    *v = (size_t)x;
    return 0;
}

static int io_num(const char *s, double *v)
{
    char *end;
    errno = 0;
    *v = strtod(s, &end);
    return end == s || *end || errno || !isfinite(*v) ? -1 : 0;
}

static int io_first_lines(io_reader *r, pc_model *m, pc_error *err)
{
    char id[IO_MAX_LINE], fp[32], sum[32], rec[32], rev[32];
    int v = 0, n = 0;
    if (r->len < 13 || memcmp(r->data, "polcmp-model ", 13)) {
        pc_error_set(err, "%s: not a polcmp model file", r->name);
        return -1;
    }
    if (io_line(r, err) < 0)
        return -1;
    if (sscanf(r->buf, "polcmp-model %d%n", &v, &n) != 1 || r->buf[n]) {
        pc_error_set(err, "%s: not a polcmp model file", r->name);
        return -1;
    }
    if (v != PC_MODEL_VERSION) {
        pc_error_set(err, "%s: model format version %d%s; this polcmp reads version %d: retrain "
                          "it with polcmp train", r->name, v,
                     v < PC_MODEL_VERSION ? ", written by an older polcmp" : "", PC_MODEL_VERSION);
        return -1;
    }
    if (io_line(r, err) < 0)
        return -1;
    if (sscanf(r->buf, "taxonomy %511s %31s%n", id, fp, &n) != 2 || r->buf[n] ||
        io_hex(fp, &m->tax_fp) < 0)
        return io_bad(r, err, "expected 'taxonomy ID FINGERPRINT'");
    if (!(m->tax_id = pc_strdup(id)))
        return io_bad(r, err, "out of memory");
    if (io_line(r, err) < 0)
        return -1;
    if (sscanf(r->buf, "data %31s %31s %31s%n", sum, rec, rev, &n) != 3 || r->buf[n] ||
        io_hex(sum, &m->data_sum) < 0 || io_size(rec, &m->records) < 0 ||
        io_size(rev, &m->reviewed) < 0 || m->reviewed > m->records)
        return io_bad(r, err, "expected 'data CHECKSUM RECORDS REVIEWED'");
    return 0;
}

static int io_settings_line(io_reader *r, pc_model *m, pc_error *err)
{
    if (io_line(r, err) < 0)
        return -1;
    if (strncmp(r->buf, "settings ", 9))
        return io_bad(r, err, "expected 'settings KEY=VALUE...'");
    char where[IO_MAX_LINE + 64];
    snprintf(where, sizeof where, "%s:%u: corrupt model: ", r->name, r->line);
    pc_model_settings_default(&m->set);
    return io_settings_apply(&m->set, r->buf + 9, ' ', err, where);
}

static int io_margin_line(io_reader *r, pc_model *m, pc_error *err)
{
    char v[PC_MODEL_NUNITS][64];
    unsigned bits[PC_MODEL_NUNITS];
    int n = 0;
    if (io_line(r, err) < 0)
        return -1;
    if (sscanf(r->buf, "margin %63s %63s %3x %3x%n", v[0], v[1], &bits[0], &bits[1], &n) != 4 ||
        r->buf[n])
        return io_bad(r, err, "expected 'margin TEXT CLAUSE TEXT_CLASSES CLAUSE_CLASSES'");
    for (int u = 0; u < PC_MODEL_NUNITS; u++) {
        if (!strcmp(v[u], "none"))
            m->margin[u] = HUGE_VAL;
        else if (io_num(v[u], &m->margin[u]) < 0 || m->margin[u] < 0)
            return io_bad(r, err, "a margin is neither 'none' nor a number at least 0");
        if (bits[u] >> PC_MODEL_CLASSES)
            return io_bad(r, err, "a margin's classes name a class past the last");
        m->margined[u] = bits[u];
    }
    return 0;
}

static int io_mixed_line(io_reader *r, pc_model *m, pc_error *err)
{
    int n = 0;
    if (io_line(r, err) < 0)
        return -1;
    if (sscanf(r->buf, "mixed %3x%n", &m->mixed, &n) != 1 || r->buf[n] ||
        m->mixed >> PC_MODEL_CLASSES)
        return io_bad(r, err, "expected 'mixed TEXT_CLASSES' (three hex digits, known classes)");
    return 0;
}

static int io_class_line(io_reader *r, pc_model *m, int k, pc_error *err)
{
    char th[2][64], rt[2][64], al[2][64], bias[64], scale[64];
    int idx = -1, n = 0;
    if (io_line(r, err) < 0)
        return -1;
    pc_model_class *c = &m->cls[k];
    if (sscanf(r->buf, "class %d %63s %63s %63s %63s %63s %63s %63s %63s %n", &idx, th[0], rt[0],
               al[0], th[1], rt[1], al[1], bias, scale, &n) != 9 ||
        n == 0 || idx != k || strcmp(r->buf + n, pc_opp12_name(k)))
        return io_bad(r, err, "expected 'class K THRESHOLD RULE_THRESHOLD ALONE (the same for "
                              "clauses) BIAS SCALE NAME' in class order");
    for (int u = 0; u < PC_MODEL_NUNITS; u++)
        if (io_num(th[u], &c->at[u].threshold) < 0 ||
            io_num(rt[u], &c->at[u].rule_threshold) < 0 || io_num(al[u], &c->at[u].alone) < 0)
            return io_bad(r, err, "a class's threshold is not a finite number");
    if (io_num(bias, &c->bias) < 0 || io_num(scale, &c->scale) < 0 || c->scale < 0)
        return io_bad(r, err, "a class's bias or scale is not a finite number");
    return 0;
}

static uint32_t io_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The payload: keys, idf, weights; exact length, checksum, increasing keys, sane idf. */
static int io_payload(io_reader *r, pc_model *m, uint64_t sum, pc_error *err)
{
    const unsigned char *p = (const unsigned char *)r->data + r->pos;
    size_t left = r->len - r->pos, row = 8 + 2 * PC_MODEL_CLASSES;
    if (m->nfeat > left / row || m->nfeat * row != left) {
        pc_error_set(err, "%s: %s: %zu bytes of weights where %zu features need %zu", r->name,
                     m->nfeat * row > left ? "truncated" : "corrupt model (trailing bytes)", left,
                     m->nfeat, m->nfeat > left / row ? m->nfeat * row : m->nfeat * row);
        return -1;
    }
    if (pc_sum64(p, left) != sum) {
        pc_error_set(err, "%s: corrupt model: the weights do not match their checksum", r->name);
        return -1;
    }
    size_t n = m->nfeat;
    m->keys = malloc((n ? n : 1) * sizeof *m->keys);
    m->idf = malloc((n ? n : 1) * sizeof *m->idf);
    m->w = malloc((n ? n : 1) * PC_MODEL_CLASSES * sizeof *m->w);
    pc_prefault(m->keys, n * sizeof *m->keys);
    pc_prefault(m->idf, n * sizeof *m->idf);
    pc_prefault(m->w, n * PC_MODEL_CLASSES * sizeof *m->w);
    if (!m->keys || !m->idf || !m->w) {
        pc_error_set(err, "%s: out of memory", r->name);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        m->keys[i] = io_u32(p + 4 * i);
        uint32_t v = io_u32(p + 4 * n + 4 * i);
        memcpy(&m->idf[i], &v, 4);
        if ((i > 0 && m->keys[i] <= m->keys[i - 1]) || !isfinite(m->idf[i]) || m->idf[i] <= 0) {
            pc_error_set(err, "%s: corrupt model: feature %zu is out of order or has a bad idf",
                         r->name, i);
            return -1;
        }
    }
    const unsigned char *wp = p + 8 * n;
    for (size_t i = 0; i < n * PC_MODEL_CLASSES; i++)
        m->w[i] = (int16_t)(uint16_t)(wp[2 * i] | wp[2 * i + 1] << 8);
    return 0;
}

static int io_read(io_reader *r, pc_model *m, pc_error *err)
{
    char sum[32];
    int n = 0;
    uint64_t s = 0;
    if (io_first_lines(r, m, err) < 0 || io_settings_line(r, m, err) < 0 ||
        io_margin_line(r, m, err) < 0 || io_mixed_line(r, m, err) < 0)
        return -1;
    for (int k = 0; k < PC_MODEL_CLASSES; k++)
        if (io_class_line(r, m, k, err) < 0)
            return -1;
    if (io_line(r, err) < 0)
        return -1;
    char count[32];
    if (sscanf(r->buf, "weights %31s %31s%n", count, sum, &n) != 2 || r->buf[n] ||
        io_size(count, &m->nfeat) < 0 || io_hex(sum, &s) < 0)
        return io_bad(r, err, "expected 'weights NFEAT CHECKSUM'");
    return io_payload(r, m, s, err);
}

static int io_check_taxonomy(const pc_model *m, const pc_taxonomy *tax, pc_error *err)
{
    uint64_t fp = pc_model_tax_fingerprint(tax);
    if (fp == m->tax_fp && !strcmp(m->tax_id, tax->id))
        return 0;
    pc_error_set(err, "%s: the model was trained for taxonomy '%s' (%016llx), not for %s ('%s', "
                      "%016llx): retrain it with polcmp train, or run with --no-model",
                 m->path, m->tax_id, (unsigned long long)m->tax_fp, tax->path, tax->id,
                 (unsigned long long)fp);
    return -1;
}

pc_model *pc_model_load_mem(const char *name, const char *data, size_t len,
                            const pc_taxonomy *tax, pc_error *err)
{
    pc_model *m = calloc(1, sizeof *m);
    io_reader *r = calloc(1, sizeof *r);
    if (!m || !r || !(m->path = pc_strdup(name))) {
        pc_error_set(err, "%s: out of memory", name);
        free(r);
        pc_model_free(m);
        return NULL;
    }
    r->name = name;
    r->data = data;
    r->len = len;
    int rc = io_read(r, m, err);
    free(r);
    if (rc == 0 && tax)
        rc = io_check_taxonomy(m, tax, err);
    if (rc == 0 && tax && pc_model_bind(m, tax) < 0) {
        pc_error_set(err, "%s: out of memory", name);
        rc = -1;
    }
    if (rc < 0) {
        pc_model_free(m);
        return NULL;
    }
    return m;
}

int pc_model_open(const pc_taxonomy *tax, const char *path, pc_model **out, pc_error *err)
{
    *out = NULL;
    char *def = path ? NULL : pc_model_default_path(tax->path);
    if (!path && !def) {
        pc_error_set(err, "%s: out of memory", tax->path);
        return -1;
    }
    if (!path && access(def, F_OK) != 0) { /* a taxonomy without a model */
        free(def);
        return 0;
    }
    *out = pc_model_load(path ? path : def, tax, err);
    free(def);
    return *out ? 0 : -1;
}

pc_model *pc_model_load(const char *path, const pc_taxonomy *tax, pc_error *err)
{
    pc_file_map f; /* mapped: `polcmp train` replaces a model file whole */
    if (pc_file_map_open(&f, path, IO_MAX_FILE, NULL, err) < 0)
        return NULL;
    pc_model *m = pc_model_load_mem(path, f.p, f.len, tax, err);
    pc_file_unmap(&f);
    return m;
}
