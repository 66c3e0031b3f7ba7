/* test_model.c: the learned model on a small training set this test writes (three classes and
 * texts with nothing to find): training and prediction, thresholds, the n-grams given as
 * evidence, combining with the rules (overruled labels, generic labels, strong rules), the
 * two scoring paths agreeing, a unit reusing its title's words from the unit before,
 * deterministic training, learning from a reviewer's relabel, no class from the model alone
 * for a clause of fewer than two words, a
 * text read whole mixing in its best clause, and every way a model file can be refused. */
#include "testutil.h"

#include "classify/classify.h"
#include "classify/model.h"
#include "classify/model_train.h"
#include "classify/model_unit.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FP (1u << PC_OPP_FIRST_PARTY)
#define SEC (1u << PC_OPP_SECURITY)
#define RET (1u << PC_OPP_RETENTION)
#define ALL ((1u << PC_OPP12_COUNT) - 1)

static const char *const data_kinds[] = {"email address", "name", "phone number",
                                         "postal address", "payment details", "location"};
static const char *const periods[] = {"30 days", "90 days", "six months", "two years"};

/* The training texts: each class in several wordings, and texts that belong to none (some
 * with "keep", which the retention.keep rule wrongly takes for retention). */
typedef struct fixture {
    char text[80][160];
    pc_model_example ex[80];
    size_t n;
} fixture;

static void fx_add(fixture *f, unsigned labels, const char *fmt, const char *a, const char *b)
{
    snprintf(f->text[f->n], sizeof f->text[0], fmt, a, b);
    f->ex[f->n] = (pc_model_example){f->text[f->n], NULL, labels, ALL, NULL, 1};
    f->n++;
}

static void fx_build(fixture *f)
{
    f->n = 0;
    for (int i = 0; i < 6; i++) {
        const char *d = data_kinds[i], *p = periods[i % 4];
        fx_add(f, FP, "We collect your %s when you register for an account%s.", d, "");
        fx_add(f, FP, "When you sign up we ask for your %s and use it to %s.", d, "send receipts");
        fx_add(f, SEC, "We protect your %s with %s and firewalls against unauthorized access.",
               d, "encryption");
        fx_add(f, SEC, "Our servers are secured and your %s travels over %s connections.", d,
               "encrypted");
        fx_add(f, RET, "Your %s is stored for %s and then deleted.", d, p);
        fx_add(f, RET, "We retain your %s for %s after you close your account.", d, p);
        fx_add(f, 0, "We keep you informed about new features of the %s screen%s.", d, "");
        fx_add(f, 0, "Thank you for reading this notice about the %s page on %s.", d, "our site");
    }
}

static const pc_taxonomy *mini(void)
{
    static pc_taxonomy *tax;
    pc_error err = {{0}};
    if (!tax)
        tax = pc_tax_load(POLCMP_TEST_DATA "/model/mini.yaml", &err);
    assert_non_null(tax);
    return tax;
}

static pc_model *train_with(const pc_model_example *ex, size_t n, const char *spec)
{
    pc_model_settings set;
    pc_error err = {{0}};
    pc_model_settings_default(&set);
    assert_int_equal(pc_model_settings_parse(&set, "min_df=1,folds=3,C=10", &err), 0);
    if (spec)
        assert_int_equal(pc_model_settings_parse(&set, spec, &err), 0);
    pc_model *m = pc_model_train(mini(), &set, ex, n, 42, NULL, &err);
    if (!m)
        fail_msg("%s", err.msg);
    return m;
}

static pc_model *train_fixture(void)
{
    static fixture f;
    fx_build(&f);
    return train_with(f.ex, f.n, NULL);
}

/* The classes the model gives a text read whole (no rule hits), with its decision values. */
static unsigned given(const pc_model *m, const char *text, double d[PC_MODEL_CLASSES])
{
    pc_model_scratch *s = pc_model_scratch_new();
    pc_feat_field f = {text, strlen(text), 0, 0};
    assert_int_equal(pc_model_score(m, s, &f, 1, NULL, d), 0);
    pc_model_scratch_free(s);
    return pc_model_decide(m, PC_MODEL_TEXT, d, 0, 0);
}

static void test_train_predict(void **state)
{
    (void)state;
    pc_model *m = train_fixture();
    double d[PC_MODEL_CLASSES];
    assert_int_equal(m->records, 48);
    assert_true(m->nfeat > 100);
    assert_int_equal(given(m, "We retain your browsing history for ninety days.", d), RET);
    assert_int_equal(given(m, "Your card number is protected with encryption.", d), SEC);
    assert_int_equal(given(m, "We collect your date of birth when you register.", d), FP);
    assert_int_equal(given(m, "Thank you for reading the notice about our page.", d), 0);
    pc_model_free(m);
}

static void test_thresholds(void **state)
{
    (void)state;
    pc_model *m = train_fixture();
    double d[PC_MODEL_CLASSES];
    unsigned g = given(m, "We retain your data for a long time.", d);
    for (int k = 0; k < PC_MODEL_CLASSES; k++) {
        const pc_model_rule *r = &m->cls[k].at[PC_MODEL_TEXT];
        /* logistic regression: thresholds are probabilities, cuts their log-odds */
        assert_true(r->threshold > 0 && r->threshold < 1);
        assert_true(fabs(pc_model_link(&m->set, r->cut) - r->threshold) < 1e-9);
        assert_int_equal((g >> k) & 1, d[k] >= r->cut);
        /* exactly at the cut the class is given, just below it is not */
        double at[PC_MODEL_CLASSES] = {0};
        for (int j = 0; j < PC_MODEL_CLASSES; j++)
            at[j] = -50;
        at[k] = r->cut;
        assert_int_equal(pc_model_decide(m, PC_MODEL_TEXT, at, 0, 0), 1u << k);
        at[k] = nextafter(r->cut, -INFINITY);
        assert_int_equal(pc_model_decide(m, PC_MODEL_TEXT, at, 0, 0) >> k & 1, 0);
        /* a strong rule gives its class whatever the score */
        assert_int_equal(pc_model_decide(m, PC_MODEL_TEXT, at, 0, 1u << k) >> k & 1, 1);
    }
    pc_model_free(m);
}

/* A class at its cut is left out when another class's decision value is more than the margin
 * above it, and kept within the margin; the threshold shown for it says so. A class the
 * margin does not apply to is given at its cut wherever the others are. */
static void test_margin(void **state)
{
    (void)state;
    pc_model *m = train_fixture();
    m->margin[PC_MODEL_TEXT] = 2;
    m->margined[PC_MODEL_TEXT] = (1u << PC_MODEL_CLASSES) - 1;
    int k = 0, other = 1;
    const pc_model_rule *r = &m->cls[k].at[PC_MODEL_TEXT];
    double at[PC_MODEL_CLASSES];
    for (int j = 0; j < PC_MODEL_CLASSES; j++)
        at[j] = -50;
    at[k] = r->cut;
    at[other] = r->cut + 1.5;
    assert_int_equal(pc_model_decide(m, PC_MODEL_TEXT, at, 0, 0) >> k & 1, 1);
    assert_true(fabs(pc_model_cut_for(m, PC_MODEL_TEXT, at, k, 0) - r->cut) < 1e-12);
    at[other] = r->cut + 2.5;
    assert_int_equal(pc_model_decide(m, PC_MODEL_TEXT, at, 0, 0) >> k & 1, 0);
    assert_int_equal(pc_model_alone(m, PC_MODEL_TEXT, at) >> k & 1, 0);
    assert_true(fabs(pc_model_cut_for(m, PC_MODEL_TEXT, at, k, 0) - (r->cut + 0.5)) < 1e-12);
    /* a strong rule stands beyond the margin too; clauses have their own margin */
    assert_int_equal(pc_model_decide(m, PC_MODEL_TEXT, at, 0, 1u << k) >> k & 1, 1);
    m->margined[PC_MODEL_TEXT] &= ~(1u << k);
    assert_int_equal(pc_model_decide(m, PC_MODEL_TEXT, at, 0, 0) >> k & 1, 1);
    assert_true(fabs(pc_model_cut_for(m, PC_MODEL_TEXT, at, k, 0) - r->cut) < 1e-12);
    m->margin[PC_MODEL_CLAUSE] = HUGE_VAL;
    const pc_model_rule *rc = &m->cls[k].at[PC_MODEL_CLAUSE];
    at[k] = rc->cut;
    at[other] = rc->cut + 40;
    assert_int_equal(pc_model_decide(m, PC_MODEL_CLAUSE, at, 0, 0) >> k & 1, 1);
    pc_model_free(m);
}

/* A class the model may not give alone (cut at DBL_MAX, as training leaves a class whose
 * held-out labels without a rule were mostly wrong) is given only where the rules give it. */
static void test_need_rule(void **state)
{
    (void)state;
    pc_model *m = train_fixture();
    int k = 0;
    pc_model_rule *r = &m->cls[k].at[PC_MODEL_TEXT];
    r->cut = DBL_MAX;
    double at[PC_MODEL_CLASSES];
    for (int j = 0; j < PC_MODEL_CLASSES; j++)
        at[j] = -50;
    at[k] = r->rule_cut + 30;
    assert_int_equal(pc_model_decide(m, PC_MODEL_TEXT, at, 0, 0) >> k & 1, 0);
    assert_int_equal(pc_model_decide(m, PC_MODEL_TEXT, at, 1u << k, 0) >> k & 1, 1);
    at[k] = nextafter(r->rule_cut, -INFINITY);
    assert_int_equal(pc_model_decide(m, PC_MODEL_TEXT, at, 1u << k, 0) >> k & 1, 0);
    pc_model_free(m);
}

static void test_ngrams(void **state)
{
    (void)state;
    pc_model *m = train_fixture();
    pc_model_scratch *s = pc_model_scratch_new();
    const char *text = "Thank you. We retain your files for ninety days.";
    pc_feat_field f = {text, strlen(text), 100, 0};
    double d[PC_MODEL_CLASSES];
    pc_model_ngram top[PC_MODEL_TOP];
    assert_int_equal(pc_model_score(m, s, &f, 1, NULL, d), 0);
    size_t n = pc_model_top(m, s, PC_OPP_RETENTION, top, PC_MODEL_TOP);
    assert_true(n >= 1);
    int found = 0;
    for (size_t i = 0; i < n; i++) {
        assert_true(top[i].weight > 0);
        assert_true(i == 0 || top[i - 1].weight >= top[i].weight);
        /* spans are offsets into the field plus its base */
        assert_true(top[i].span.start >= 100 && top[i].span.end <= 100 + strlen(text));
        size_t a = top[i].span.start - 100, b = top[i].span.end - 100;
        found |= b - a == 6 && !strncmp(text + a, "retain", 6);
    }
    assert_true(found);
    pc_model_scratch_free(s);
    pc_model_free(m);
}

/* The fast path (cached words) and the items the trainer reads give the same decision values. */
/* Give every class of m weights: a class the fixture never labels (all its weights 0) takes
 * another class's, scaled and biased apart, so that every lane of the per-class sums counts. */
static void spread_classes(pc_model *m)
{
    int src[PC_MODEL_CLASSES], nsrc = 0;
    for (int k = 0; k < PC_MODEL_CLASSES; k++)
        if (m->cls[k].scale > 0)
            src[nsrc++] = k;
    assert_true(nsrc > 0);
    for (int k = 0; k < PC_MODEL_CLASSES; k++) {
        if (m->cls[k].scale > 0)
            continue;
        int from = src[k % nsrc];
        for (size_t r = 0; r < m->nfeat; r++) {
            int16_t v = m->w[r * PC_MODEL_CLASSES + (size_t)from];
            v = (int16_t)(k % 2 ? -v : v / 2);
            m->w[r * PC_MODEL_CLASSES + (size_t)k] = v;
            m->rows[r].w[k] = v;
        }
        m->cls[k].scale = m->cls[from].scale * (1 + k / 8.0);
        m->cls[k].bias = 0.01 * k;
    }
}

static void test_paths_agree(void **state)
{
    (void)state;
    pc_model *m = train_fixture();
    spread_classes(m);
    pc_model_scratch *s = pc_model_scratch_new();
    static const char *const texts[] = {
        "We retain your email address for 30 days.",
        "Encryption protects everything; we retain, retain and retain.",
        "Ünïcode wörds and a verylongwordthatgoesonandonandonforeverandever here.",
        "",
    };
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        pc_feat_field f = {texts[t], strlen(texts[t]), 0, 0};
        double d[PC_MODEL_CLASSES], coef[3];
        for (int pass = 0; pass < 2; pass++) /* the second pass reads the word cache */
            assert_int_equal(pc_model_score(m, s, &f, 1, NULL, d), 0);
        size_t n;
        const pc_model_item *it = pc_model_features(m, s, &f, 1, NULL, &n, coef);
        assert_non_null(it);
        for (int k = 0; k < PC_MODEL_CLASSES; k++) {
            double sum = 0;
            for (size_t i = 0; i < n; i++)
                sum += it[i].value * coef[it[i].block] * m->w[it[i].row * PC_MODEL_CLASSES + k];
            double want = m->cls[k].bias + sum * m->cls[k].scale;
            assert_true(fabs(want - d[k]) < 1e-4 * (1 + fabs(want)));
        }
    }
    pc_model_scratch_free(s);
    pc_model_free(m);
}

/* Scores and evidence of a unit with scratch s equal, bit for bit, those of a fresh scratch. */
static void same_as_fresh(const pc_model *m, pc_model_scratch *s, const pc_feat_field *f,
                          size_t nf)
{
    pc_model_scratch *fresh = pc_model_scratch_new();
    double d[PC_MODEL_CLASSES], want[PC_MODEL_CLASSES];
    assert_int_equal(pc_model_score(m, s, f, nf, NULL, d), 0);
    assert_int_equal(pc_model_score(m, fresh, f, nf, NULL, want), 0);
    assert_memory_equal(d, want, sizeof d);
    for (int k = 0; k < PC_MODEL_CLASSES; k++) {
        pc_model_ngram a[PC_MODEL_TOP], b[PC_MODEL_TOP];
        size_t na = pc_model_top(m, s, k, a, PC_MODEL_TOP), nb = pc_model_top(m, fresh, k, b, PC_MODEL_TOP);
        assert_int_equal(na, nb);
        for (size_t i = 0; i < na; i++) {
            assert_true(a[i].weight == b[i].weight && a[i].heading == b[i].heading);
            assert_true(a[i].span.start == b[i].span.start && a[i].span.end == b[i].span.end);
        }
        for (size_t n = 1; n < PC_MODEL_TOP; n++) { /* fewer asked: the first of them */
            assert_int_equal(pc_model_top(m, s, k, b, n), na < n ? na : n);
            for (size_t i = 0; i < n && i < na; i++)
                assert_true(a[i].weight == b[i].weight && a[i].span.start == b[i].span.start);
        }
    }
    pc_model_scratch_free(fresh);
}

/* A unit whose title the unit before had too reuses that title's words' parts: units under one
 * title, then after a unit that grows the word cache, after another model, and after
 * pc_model_features read another title, all score as with a fresh scratch. */
static void test_kept_title(void **state)
{
    (void)state;
    static fixture f;
    fx_build(&f);
    pc_model *m = train_fixture(), *other = train_with(f.ex, f.n, "char_max=4");
    spread_classes(m);
    pc_model_scratch *s = pc_model_scratch_new();
    static char many[8000];
    size_t len = 0;
    for (int i = 0; i < 700; i++) /* more distinct words than half the first word cache */
        len += (size_t)snprintf(many + len, sizeof many - len, "w%dq ", i);
    const char *title = "How we retain and protect your email address",
               *other_title = "Encryption of the servers", *clauses[] = {
                   "We retain your name for 30 days.", "Thank you for reading our notice.",
                   many, "Your phone number travels over encrypted connections."};
    pc_feat_field u[2] = {{title, strlen(title), 0, 1}, {"", 0, 100, 0}};
    for (size_t i = 0; i < 4; i++) {
        u[1].s = clauses[i];
        u[1].len = strlen(clauses[i]);
        same_as_fresh(m, s, u, 2);
    }
    same_as_fresh(other, s, u, 2);
    same_as_fresh(m, s, u, 2);
    size_t n;
    double coef[3];
    pc_feat_field v[2] = {{other_title, strlen(other_title), 0, 1}, u[1]};
    assert_non_null(pc_model_features(m, s, v, 2, NULL, &n, coef));
    v[1] = (pc_feat_field){clauses[0], strlen(clauses[0]), 100, 0};
    same_as_fresh(m, s, v, 2);
    pc_model_scratch_free(s);
    pc_model_free(m);
    pc_model_free(other);
}

static void test_deterministic(void **state)
{
    (void)state;
    pc_model *a = train_fixture(), *b = train_fixture();
    size_t na, nb;
    char *da = pc_model_dump(a, &na), *db = pc_model_dump(b, &nb);
    assert_non_null(da);
    assert_int_equal(na, nb);
    assert_memory_equal(da, db, na);
    /* and what is written reads back to the same bytes and the same scores */
    pc_error err = {{0}};
    pc_model *c = pc_model_load_mem("again.model", da, na, mini(), &err);
    assert_non_null(c);
    size_t nc;
    char *dc = pc_model_dump(c, &nc);
    assert_int_equal(nc, na);
    assert_memory_equal(dc, da, na);
    double x[PC_MODEL_CLASSES], y[PC_MODEL_CLASSES];
    assert_int_equal(given(a, "We retain your email address.", x),
                     given(c, "We retain your email address.", y));
    for (int k = 0; k < PC_MODEL_CLASSES; k++)
        assert_true(x[k] == y[k]);
    free(da);
    free(db);
    free(dc);
    pc_model_free(a);
    pc_model_free(b);
    pc_model_free(c);
}

/* Classifying with the model: a rule label the model does not back is overruled, a class only
 * the model gives gets its generic category with n-gram evidence, a strong rule stands. */
static void test_combination(void **state)
{
    (void)state;
    pc_model *m = train_fixture();
    pc_classify_opts opts = {.model = m};
    pc_error err = {{0}};
    const char *keep = "We keep you informed about new features.";
    pc_classified *c = pc_classify_text_with(mini(), keep, strlen(keep), NULL, &opts, &err);
    assert_non_null(c);
    assert_int_equal(c->clauses[0].nlabels, 0);
    assert_int_equal(c->clauses[0].ndropped, 1);
    assert_string_equal(c->tax->cats[c->dropped[0].category].id, "retention");
    pc_classified_free(c);

    const char *stored = "Your phone number is stored for six months and then deleted.";
    c = pc_classify_text_with(mini(), stored, strlen(stored), NULL, &opts, &err);
    assert_non_null(c);
    assert_int_equal(c->clauses[0].nlabels, 1);
    const pc_label *l = &c->labels[c->clauses[0].label_first];
    assert_string_equal(c->tax->cats[l->category].id, "retention");
    assert_int_equal(l->nev, 0);
    assert_int_equal(l->model, 1);
    assert_true(l->nng > 0 && pc_label_nspans(c, l) == l->nng);
    assert_true(pc_classified_model_score(c, 0, PC_OPP_RETENTION) >=
                pc_classified_model_threshold(c, 0, PC_OPP_RETENTION));
    pc_classified_free(c);

    const char *audit = "An outside firm audits the office every year.";
    c = pc_classify_text_with(mini(), audit, strlen(audit), NULL, &opts, &err);
    assert_non_null(c);
    const pc_model_verdict *v = pc_classified_verdict(c, 0);
    assert_true(v->strong & SEC);
    assert_true(v->given & SEC);
    assert_non_null(pc_classified_label(c, 0, pc_tax_find_category(c->tax, "security-audit")));
    pc_classified_free(c);
    pc_model_free(m);
}

/* The verdict and labels of one clause under a title, the model on. */
static pc_classified *under_title(const pc_model *m, const char *title, const char *clause)
{
    pc_classify_opts opts = {.model = m};
    pc_error err = {{0}};
    pc_classified *c = pc_classify_text_with(mini(), clause, strlen(clause), title, &opts, &err);
    assert_non_null(c);
    return c;
}

/* Whether the model's thresholds alone would give class bit k to the clause's verdict. */
static int model_would(const pc_classified *c, unsigned k)
{
    const pc_model_verdict *v = pc_classified_verdict(c, 0);
    double d[PC_MODEL_CLASSES];
    for (int j = 0; j < PC_MODEL_CLASSES; j++)
        d[j] = v->d[j];
    return (pc_model_decide(c->model, PC_MODEL_CLAUSE, d, 0, 0) & k) != 0;
}

/* A clause with fewer than two words of its own (a table cell under a title) gets no class
 * from the model alone, however its title scores; with two words it does, and a rule's label
 * on a one-word clause stands as before. */
static void test_short_clause(void **state)
{
    (void)state;
    pc_model *m = train_fixture();
    const char *title = "Your phone number is stored for six months and then deleted";
    const char *cells[] = {"N/A", "0", "Phone"};
    for (size_t i = 0; i < 3; i++) {
        pc_classified *c = under_title(m, title, cells[i]);
        assert_true(model_would(c, RET)); /* the title alone would carry it */
        assert_int_equal(pc_classified_verdict(c, 0)->given & RET, 0);
        assert_int_equal(c->clauses[0].nlabels, 0);
        pc_classified_free(c);
    }
    pc_classified *c = under_title(m, title, "Phone number");
    assert_true(model_would(c, RET));
    assert_non_null(pc_classified_label(c, 0, pc_tax_find_category(c->tax, "retention")));
    pc_classified_free(c);
    c = under_title(m, title, "Retained.");
    assert_true(pc_classified_verdict(c, 0)->given & RET);
    assert_non_null(pc_classified_label(c, 0, pc_tax_find_category(c->tax, "retention")));
    pc_classified_free(c);
    assert_int_equal(pc_model_guard(RET | SEC, SEC, 0, 1), SEC);
    assert_int_equal(pc_model_guard(RET | SEC, 0, RET, 0), RET);
    assert_int_equal(pc_model_guard(RET | SEC, 0, 0, 2), RET | SEC);
    pc_model_free(m);
}

/* A result kept for writing out only (no_ngrams) gets the same labels from the model but
 * keeps neither n-grams nor verdicts. */
static void test_written_only(void **state)
{
    (void)state;
    pc_model *m = train_fixture();
    pc_classify_opts full = {.model = m}, written = {.model = m, .no_ngrams = 1};
    pc_error err = {{0}};
    const char *t = "We keep you informed. Your phone number is stored for six months.";
    pc_classified *a = pc_classify_text_with(mini(), t, strlen(t), NULL, &full, &err);
    pc_classified *b = pc_classify_text_with(mini(), t, strlen(t), NULL, &written, &err);
    assert_non_null(a);
    assert_non_null(b);
    assert_int_equal(b->nverdicts, 0);
    assert_null(pc_classified_verdict(b, 0));
    assert_int_equal(b->nngrams, 0);
    assert_true(a->nlabels > 0 && a->nngrams > 0);
    assert_int_equal(a->nlabels, b->nlabels);
    assert_int_equal(a->ndropped, b->ndropped);
    for (size_t i = 0; i < a->nlabels; i++) {
        assert_int_equal(a->labels[i].category, b->labels[i].category);
        assert_int_equal(a->labels[i].model, b->labels[i].model);
    }
    pc_classified_free(a);
    pc_classified_free(b);
    pc_model_free(m);
}

/* A reviewer's relabel fed back changes the prediction for that clause and a paraphrase. */
static void test_relabel(void **state)
{
    (void)state;
    static fixture f;
    fx_build(&f);
    const char *clause = "Records of your visits are archived in a locked vault offsite.";
    const char *para = "Records of your visits are archived in a locked vault.";
    double d[PC_MODEL_CLASSES];
    pc_model *before = train_with(f.ex, f.n, NULL);
    assert_int_equal(given(before, clause, d) & SEC, 0);
    assert_int_equal(given(before, para, d) & SEC, 0);
    f.ex[f.n++] = (pc_model_example){clause, "Storage", SEC, ALL, "reviewed", 5};
    pc_model *after = train_with(f.ex, f.n, NULL);
    assert_int_equal(after->reviewed, 1);
    assert_true(given(after, clause, d) & SEC);
    assert_true(given(after, para, d) & SEC);
    pc_model_free(before);
    pc_model_free(after);
}

/* RET's decision value for a text read whole (whole), or the highest of its clauses read one
 * by one, as `eval` and the classifier give them. */
static double ret_value(const pc_model *m, const char *text, int whole)
{
    pc_classify_opts opts = {.model = m, .whole = whole};
    pc_error err = {{0}};
    pc_model_text t;
    assert_int_equal(pc_model_text_open(&t, mini(), NULL, &opts, "text", text, strlen(text),
                                        NULL, &err),
                     0);
    const pc_classified *c = t.cls;
    assert_non_null(c);
    assert_int_equal(c->whole, whole);
    assert_true(c->nclauses >= 3);
    double best = -HUGE_VAL;
    for (size_t i = 0; i < c->nclauses; i++) {
        double d = pc_classified_verdict(c, i)->d[PC_OPP_RETENTION];
        best = d > best ? d : best;
    }
    pc_model_text_free(&t);
    return best;
}

/* A text read whole mixes its best clause's decision value into the classes the model mixes,
 * (1 - clause_mix) whole + clause_mix best, and into no other; a text without clauses keeps
 * its own. */
static void test_mixed(void **state)
{
    (void)state;
    pc_model *m = train_fixture();
    const char *text = "Thank you for reading this notice about the page on our site. "
                       "Thank you for reading the notice about the screen. "
                       "Your phone number is stored for six months and then deleted.";
    m->mixed = 0;
    double plain = ret_value(m, text, 1), best = ret_value(m, text, 0);
    assert_true(best > plain + 0.1); /* the retention clause weighs more alone than in the text */
    m->set.clause_mix = 0.5;
    m->mixed = ALL & ~RET;
    assert_true(fabs(ret_value(m, text, 1) - plain) < 1e-6);
    m->mixed = RET;
    assert_true(fabs(ret_value(m, text, 1) - (0.5 * plain + 0.5 * best)) < 1e-4);
    m->set.clause_mix = 1;
    assert_true(fabs(ret_value(m, text, 1) - best) < 1e-4);
    assert_true(pc_model_mix_value(0.5, 2.0, -HUGE_VAL) == 2.0);
    assert_true(pc_model_mix_value(0.25, 2.0, 6.0) == 3.0);
    pc_model_free(m);
}

/* ---- refusing model files ---------------------------------------------------------------- */

static char *dump_fixture(size_t *len)
{
    pc_model *m = train_fixture();
    char *d = pc_model_dump(m, len);
    pc_model_free(m);
    assert_non_null(d);
    return d;
}

/* Loading bytes fails with one line that names the file and contains `want`. */
static void refused(const char *data, size_t len, const pc_taxonomy *tax, const char *want)
{
    pc_error err = {{0}};
    pc_model *m = pc_model_load_mem("bad.model", data, len, tax, &err);
    assert_null(m);
    assert_non_null(strstr(err.msg, "bad.model"));
    assert_null(strchr(err.msg, '\n'));
    if (want && !strstr(err.msg, want))
        fail_msg("expected '%s' in: %s", want, err.msg);
}

static void test_refused(void **state)
{
    (void)state;
    size_t len;
    char *d = dump_fixture(&len);
    char *b = malloc(len + 2);
    /* every prefix is refused, none crashes */
    for (size_t n = 0; n < len; n += n < 4096 ? 1 : 997)
        refused(d, n, mini(), n > 0 && n < 200 ? NULL : n == 0 ? "not a polcmp model" : NULL);
    refused(d, len - 1, mini(), "truncated");
    memcpy(b, d, len);
    b[len] = 'x';
    refused(b, len + 1, mini(), "trailing");
    memcpy(b, d, len);
    b[len - 3] ^= 0x40;
    refused(b, len, mini(), "checksum");
    memcpy(b, d, len);
    b[13] = '9'; /* "polcmp-model 9" */
    refused(b, len, mini(), "version");
    b[13] = '3'; /* a file of the format before XXH3 checksums */
    refused(b, len, mini(), "version 3, written by an older polcmp");
    memcpy(b, d, len);
    char *cls = strstr(b, "\nclass 3 ");
    assert_non_null(cls);
    cls[7] = '4';
    refused(b, len, mini(), "class order");
    memcpy(b, d, len);
    char *margin = strstr(b, "\nmargin ");
    assert_non_null(margin);
    margin[8] = '-'; /* neither 'none' nor a number at least 0 */
    refused(b, len, mini(), "margin");
    memcpy(b, d, len);
    margin = strstr(b, "\nmargin ");
    char *eol = strchr(margin + 1, '\n');
    assert_non_null(eol);
    memcpy(eol - 3, "-01", 3); /* the clause margin's classes: every bit, past the last class */
    refused(b, len, mini(), "past the last");
    memcpy(b, d, len);
    char *mixed = strstr(b, "\nmixed ");
    assert_non_null(mixed);
    memcpy(mixed + 7, "fff0", 4); /* four hex digits where three name the classes */
    refused(b, len, mini(), "mixed");
    memcpy(b, d, len);
    memcpy(mixed + 7, "zzz", 3);
    refused(b, len, mini(), "mixed");
    refused("hello\n", 6, mini(), "not a polcmp model");
    pc_error err = {{0}};
    pc_taxonomy *tiny = pc_tax_load(POLCMP_TEST_DATA "/taxonomy/tiny.yaml", &err);
    assert_non_null(tiny);
    refused(d, len, tiny, "trained for taxonomy 'mini-model-test'");
    pc_tax_free(tiny);
    /* a file that cannot be read */
    pc_model *m = pc_model_load("/nonexistent/x.model", mini(), &err);
    assert_null(m);
    assert_non_null(strstr(err.msg, "/nonexistent/x.model"));
    free(b);
    free(d);
}

static void test_files(void **state)
{
    (void)state;
    char *p = pc_model_default_path("/a/b/privacy.yaml");
    assert_string_equal(p, "/a/b/privacy.model");
    free(p);
    p = pc_model_default_path("dir.v2/tax");
    assert_string_equal(p, "dir.v2/tax.model");
    free(p);
    pc_model *m = train_fixture();
    pc_error err = {{0}};
    char path[4096];
    snprintf(path, sizeof path, "%s/saved.model", test_temp_dir());
    assert_int_equal(pc_model_save(m, path, &err), 0);
    pc_model *back = pc_model_load(path, mini(), &err);
    assert_non_null(back);
    assert_int_equal(back->nfeat, m->nfeat);
    assert_int_equal(back->data_sum, 42);
    pc_model_free(back);
    /* the margins and their classes read back exactly, a finite one and none */
    m->margin[PC_MODEL_TEXT] = 2.5;
    m->margin[PC_MODEL_CLAUSE] = HUGE_VAL;
    m->margined[PC_MODEL_TEXT] = 0x801;
    m->margined[PC_MODEL_CLAUSE] = 0x7fe;
    m->mixed = 0x830;
    assert_int_equal(pc_model_save(m, path, &err), 0);
    back = pc_model_load(path, mini(), &err);
    assert_non_null(back);
    assert_true(back->margin[PC_MODEL_TEXT] == 2.5);
    assert_true(isinf(back->margin[PC_MODEL_CLAUSE]));
    assert_int_equal(back->margined[PC_MODEL_TEXT], 0x801);
    assert_int_equal(back->margined[PC_MODEL_CLAUSE], 0x7fe);
    assert_int_equal(back->mixed, 0x830);
    pc_model_free(back);
    pc_model_free(m);
    pc_model_settings set;
    pc_model_settings_default(&set);
    assert_int_equal(pc_model_settings_parse(&set, "C=0", &err), -1);
    assert_non_null(strstr(err.msg, "C"));
    assert_int_equal(pc_model_settings_parse(&set, "nonsense=1", &err), -1);
    assert_int_equal(pc_model_settings_parse(&set, "char_min=4,char_max=3", &err), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_train_predict), cmocka_unit_test(test_thresholds),
        cmocka_unit_test(test_margin),        cmocka_unit_test(test_need_rule),        cmocka_unit_test(test_ngrams),        cmocka_unit_test(test_paths_agree),
        cmocka_unit_test(test_kept_title),    cmocka_unit_test(test_short_clause),
        cmocka_unit_test(test_deterministic), cmocka_unit_test(test_combination),
        cmocka_unit_test(test_relabel),       cmocka_unit_test(test_mixed),
        cmocka_unit_test(test_refused),       cmocka_unit_test(test_written_only),
        cmocka_unit_test(test_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
