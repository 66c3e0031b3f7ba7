/* cmd_train.c: `polcmp train [--taxonomy FILE] [--review FILE...] [--set K=V,...] [--cv]
 * [-o MODEL] GOLD.jsonl...` trains the learned model (core/classify/model_train.h) on gold
 * records (JSON Lines with "text" and "labels" or "labels_opp10", as `polcmp eval` reads) and
 * on reviewers' relabels (each relabelled clause of each review file, counted review_weight
 * times), and writes it atomically. --cv prints the cross-validated figures of the rules, the
 * model and the combination (the out-of-fold predictions the thresholds were chosen on). */
#include "classify/model_train.h"
#include "cli.h"
#include "eval/eval.h"
#include "review/review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the command line asks. Borrows the arguments. */
typedef struct train_opts {
    const char *taxonomy, *out, *settings;
    const char *const *reviews;
    size_t nreviews;
    int cv;
    char **gold;
    size_t ngold;
} train_opts;

static void train_warn(void *ctx, const char *msg)
{
    (void)ctx;
    cli_warn("%s", msg);
}

/* The training data: gold records and relabelled clauses, as one eval set (so --cv can be
 * reported like `polcmp eval`), with their checksum. Owns set; examples borrow it. */
typedef struct train_data {
    pc_eval_set set;
    pc_model_example *ex;
    size_t n;
    char **headings; /* per unit: the section title of a relabel, NULL for gold */
    uint64_t sum;
} train_data;

static int train_push(train_data *d, const pc_eval_case *c, const char *heading)
{
    size_t cap = d->set.cap;
    if (pc_grow(&d->set.cases, &cap, d->set.n + 1, sizeof *d->set.cases) < 0)
        return -1;
    d->set.cap = cap;
    d->set.cases[d->set.n] = *c;
    char *h = heading ? pc_strdup(heading) : NULL;
    char **hs = realloc(d->headings, (d->set.n + 1) * sizeof *hs);
    if (!hs || (heading && !h)) {
        free(h);
        if (hs)
            d->headings = hs;
        return -1;
    }
    d->headings = hs;
    d->headings[d->set.n++] = h;
    return 0;
}

/* Append every record of a gold file; its bytes go into the checksum. */
static int train_gold(train_data *d, const char *path)
{
    pc_eval_set one;
    pc_error err = {{0}};
    if (pc_eval_read(path, &one, train_warn, NULL, &err) < 0) {
        cli_error("%s", err.msg);
        return -1;
    }
    FILE *f = fopen(path, "rb");
    char chunk[65536];
    size_t k;
    while (f && (k = fread(chunk, 1, sizeof chunk, f)) > 0)
        d->sum = pc_fnv64(d->sum, chunk, k);
    if (f)
        fclose(f);
    int rc = 0;
    for (size_t i = 0; i < one.n; i++) {
        if (rc == 0 && train_push(d, &one.cases[i], NULL) == 0)
            continue;
        rc = -1;
        free(one.cases[i].id);
        free(one.cases[i].text);
        free(one.cases[i].group);
    }
    free(one.cases);
    free(one.path);
    return rc;
}

/* The twelve classes a relabel names, and which classes it says something about. -1 (after a
 * warning) when a category id is not in the taxonomy. */
static int train_relabel_classes(const pc_taxonomy *tax, const pc_review *r, const pc_decision *dc,
                                 pc_eval_case *c)
{
    c->known12 = (1u << PC_OPP12_COUNT) - 1;
    for (size_t i = 0; i < dc->nlabels; i++) {
        int cat = pc_tax_find_category(tax, dc->labels[i]);
        if (cat < 0) {
            cli_warn("%s: relabel of '%.60s' names category '%s', not in %s; not used for "
                     "training", r->path, dc->key, dc->labels[i], tax->path);
            return -1;
        }
        int k = pc_opp12_index(tax->cats[cat].opp115);
        c->gold |= 1u << tax->cats[cat].opp10;
        if (k >= 0)
            c->gold12 |= 1u << k;
        else /* "Other" without its kind */
            c->known12 &= ~(((1u << PC_OPP12_COUNT) - 1) & ~((1u << PC_OPP_OTHER) - 1));
    }
    return 0;
}

/* Append every relabelled clause of a review file. */
static int train_review(train_data *d, const pc_taxonomy *tax, const char *path)
{
    pc_error err = {{0}};
    pc_review *r = pc_review_load(path, &err);
    if (!r) {
        cli_error("%s", err.msg);
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < r->n; i++) {
        const pc_decision *dc = &r->items[i];
        pc_eval_case c = {0};
        if (dc->is_finding || !dc->relabelled || train_relabel_classes(tax, r, dc, &c) < 0)
            continue;
        c.id = pc_strdup(dc->key);
        c.text = pc_strdup(dc->key);
        c.group = pc_strdup(dc->policy);
        d->sum = pc_fnv64(d->sum, dc->key, strlen(dc->key) + 1);
        d->sum = pc_fnv64(d->sum, &c.gold12, sizeof c.gold12);
        rc = c.id && c.text && c.group ? train_push(d, &c, dc->section ? dc->section : "") : -1;
        if (rc < 0) {
            free(c.id);
            free(c.text);
            free(c.group);
        }
    }
    pc_review_free(r);
    if (rc < 0)
        cli_error("%s: out of memory", path);
    return rc;
}

static int train_examples(train_data *d, int review_weight)
{
    d->n = d->set.n;
    d->ex = calloc(d->n ? d->n : 1, sizeof *d->ex);
    if (!d->ex)
        return -1;
    for (size_t i = 0; i < d->n; i++) {
        const pc_eval_case *c = &d->set.cases[i];
        d->ex[i] = (pc_model_example){c->text, d->headings[i], c->gold12, c->known12, c->group,
                                      d->headings[i] ? review_weight : 1};
    }
    return 0;
}

static void train_data_free(train_data *d)
{
    for (size_t i = 0; i < d->set.n; i++)
        free(d->headings[i]);
    free(d->headings);
    free(d->ex);
    pc_eval_set_free(&d->set);
}

static int train_read(train_data *d, const train_opts *o, const pc_taxonomy *tax,
                      const pc_model_settings *set)
{
    memset(d, 0, sizeof *d);
    d->sum = PC_FNV_SEED;
    for (size_t i = 0; i < o->ngold; i++)
        if (train_gold(d, o->gold[i]) < 0)
            return -1;
    for (size_t i = 0; i < o->nreviews; i++)
        if (train_review(d, tax, o->reviews[i]) < 0)
            return -1;
    if (d->set.n == 0) {
        cli_error("train: no training unit");
        return -1;
    }
    if (train_examples(d, set->review_weight) < 0) {
        cli_error("out of memory");
        return -1;
    }
    return 0;
}

/* The out-of-fold predictions as evaluations, printed like `polcmp eval`: each unit read
 * whole, then clause by clause. */
static void train_report(train_data *d, const pc_model_cv *cv)
{
    for (int u = 0; u < PC_MODEL_NUNITS; u++) {
        for (size_t i = 0; i < d->set.n && i < cv->n; i++) {
            pc_eval_case *c = &d->set.cases[i];
            unsigned p12[PC_EVAL_NSYS] = {cv->rules[i], cv->model[u][i], cv->combined[u][i]};
            for (int s = 0; s < PC_EVAL_NSYS; s++) {
                c->pred12[s] = p12[s];
                c->pred10[s] = pc_opp12_mask_to10(p12[s]);
            }
            c->pred10[PC_EVAL_RULES] = cv->rules10[i];
        }
        printf("%scross-validated on the training data (out-of-fold predictions), each unit "
               "read %s\n\n", u ? "\n" : "", u ? "clause by clause" : "whole");
        cli_eval_tables(&d->set, (1u << PC_EVAL_NSYS) - 1);
    }
}

static int train_run(const train_opts *o, const pc_taxonomy *tax, const pc_model_settings *set)
{
    train_data d;
    pc_model_cv cv = {0};
    pc_error err = {{0}};
    int rc = CLI_ERROR;
    pc_model *m = NULL;
    if (train_read(&d, o, tax, set) == 0 &&
        (m = pc_model_train(tax, set, d.ex, d.n, d.sum, &cv, &err)) == NULL)
        cli_error("%s", err.msg);
    if (m && o->cv)
        train_report(&d, &cv);
    if (m && o->out && pc_model_save(m, o->out, &err) < 0)
        cli_error("%s", err.msg);
    else if (m) {
        if (o->out)
            fprintf(stderr, "polcmp: %s: %zu units (%zu relabelled), %zu features\n", o->out,
                    m->records, m->reviewed, m->nfeat);
        rc = CLI_OK;
    }
    pc_model_free(m);
    pc_model_cv_free(&cv);
    train_data_free(&d);
    return rc;
}

int cmd_train(const cli_args *a)
{
    train_opts o = {.taxonomy = cli_taxonomy(a), .out = a->val[CLI_O_OUTPUT],
                    .settings = a->val[CLI_O_SET], .reviews = a->all, .nreviews = a->nall,
                    .cv = a->val[CLI_O_CV] != NULL, .gold = a->args, .ngold = a->nargs};
    if (!o.ngold && !o.nreviews) {
        cli_cmd_error(a, 1, "expects GOLD.jsonl... or --review FILE");
        return CLI_ERROR;
    }
    if (!o.out && !o.cv) {
        cli_cmd_error(a, 1, "expects -o MODEL (or --cv alone)");
        return CLI_ERROR;
    }
    pc_model_settings set;
    pc_model_settings_default(&set);
    pc_error err = {{0}};
    int rc = CLI_ERROR;
    pc_taxonomy *tax = NULL;
    if (o.settings && pc_model_settings_parse(&set, o.settings, &err) < 0)
        cli_error("train: --set: %s", err.msg);
    else if ((tax = cli_load_taxonomy(o.taxonomy)) != NULL)
        rc = train_run(&o, tax, &set);
    pc_tax_free(tax);
    return rc;
}
