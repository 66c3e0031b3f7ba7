/* pcbench.c: times one classification engine over a corpus directory, in one process per
 * engine so that peak memory is the engine's own.
 * Usage: pcbench TAXONOMY DIR MODE [OUT]
 *   MODE prefilter | reference: classify every policy (windows of 64 outlines per call), with
 *        the taxonomy's learned model when it has one (TAXONOMY with .model), as polcmp does
 *   MODE rules: the prefilter engine with the rules alone (--no-model)
 *   MODE scan: the first pass alone (the literal scan of every clause)
 *   MODE dump: write every clause, one per line, to OUT (for pyref.py and ripgrep)
 * Prints one line: mode, seconds, MB (clause text), MB/s, clauses, clauses/s, peak RSS MiB,
 * taxonomy load ms, prefilter build ms, matching-state KiB, labels, model load ms. */
#include "classify/classify.h"
#include "classify/model.h"
#include "text/load.h"
#include "taxonomy/prefilter.h"
#include "segment/segment.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    if (argc < 4)
        return 2;
    pc_error err = {{0}};
    double t0 = now();
    pc_taxonomy *tax = pc_tax_load(argv[1], &err);
    double load_ms = (now() - t0) * 1e3;
    if (!tax) {
        fprintf(stderr, "%s\n", err.msg);
        return 2;
    }
    DIR *d = opendir(argv[2]);
    char **names = NULL;
    size_t n = 0;
    for (struct dirent *e; d && (e = readdir(d));)
        if (e->d_name[0] != '.') {
            names = realloc(names, (n + 1) * sizeof *names);
            names[n++] = strdup(e->d_name);
        }
    if (d)
        closedir(d);
    qsort(names, n, sizeof *names, cmp);
    pc_doc **docs = calloc(n, sizeof *docs);
    pc_outline **ols = calloc(n, sizeof *ols);
    size_t bytes = 0, clauses = 0;
    FILE *dump = argc > 4 ? fopen(argv[4], "w") : NULL;
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[2], names[i]);
        docs[i] = pc_doc_load(path, NULL, &err);
        ols[i] = docs[i] ? pc_segment(docs[i], &err) : NULL;
        if (!ols[i]) {
            fprintf(stderr, "%s\n", err.msg);
            return 2;
        }
        for (size_t c = 0; c < ols[i]->nclauses; c++) {
            const pc_clause *cl = &ols[i]->clauses[c];
            bytes += cl->end - cl->start;
            if (dump) {
                for (size_t k = cl->start; k < cl->end; k++)
                    fputc(docs[i]->text[k] == '\n' ? ' ' : docs[i]->text[k], dump);
                fputc('\n', dump);
            }
        }
        clauses += ols[i]->nclauses;
    }
    if (dump)
        fclose(dump);
    const char *mode = argv[3];
    pc_classify_opts opts = {.engine = strcmp(mode, "reference") ? PC_ENGINE_PREFILTER
                                                                 : PC_ENGINE_REFERENCE};
    char *mpath = pc_model_default_path(argv[1]);
    pc_model *model = NULL;
    double model_ms = 0;
    if ((!strcmp(mode, "prefilter") || !strcmp(mode, "reference")) && mpath &&
        access(mpath, R_OK) == 0) {
        t0 = now();
        model = pc_model_load(mpath, tax, &err);
        model_ms = (now() - t0) * 1e3;
        if (!model) {
            fprintf(stderr, "%s\n", err.msg);
            return 2;
        }
    }
    free(mpath);
    opts.model = model;
    pc_matcher *m = pc_matcher_new(tax, &err);
    pc_prefilter_scratch *sc = pc_prefilter_scratch_new(tax->prefilter, &err);
    uint64_t *bits = calloc(pc_prefilter_words(tax->prefilter), sizeof *bits);
    size_t hits = 0;
    t0 = now();
    if (!strcmp(mode, "scan")) {
        for (size_t i = 0; i < n; i++)
            for (size_t c = 0; c < ols[i]->nclauses; c++) {
                const pc_clause *cl = &ols[i]->clauses[c];
                pc_prefilter_scan(tax->prefilter, sc, docs[i]->text + cl->start, cl->end - cl->start, bits);
                hits += bits[0] & 1;
            }
    } else if (strcmp(mode, "dump")) {
        pc_classified *out[64];
        for (size_t i = 0; i < n; i += 64) {
            size_t k = n - i < 64 ? n - i : 64;
            if (pc_matcher_classify(m, (const pc_outline *const *)ols + i, k, &opts, out, &err)) {
                fprintf(stderr, "%s\n", err.msg);
                return 2;
            }
            for (size_t j = 0; j < k; j++) {
                hits += out[j]->nlabels;
                pc_classified_free(out[j]);
            }
        }
    }
    double s = now() - t0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    size_t state = pc_prefilter_bytes(tax->prefilter) + pc_prefilter_scratch_bytes(sc);
    printf("%s seconds %.3f MB %.2f MBps %.2f clauses %zu clausesps %.0f peakMiB %.1f "
           "loadms %.1f prefilterms %.1f stateKiB %.0f labels %zu modelms %.1f\n",
           mode, s, bytes / 1e6, bytes / 1e6 / s, clauses, clauses / s, ru.ru_maxrss / 1024.0,
           load_ms, pc_prefilter_build_ms(tax->prefilter), state / 1024.0, hits, model_ms);
    free(bits);
    pc_prefilter_scratch_free(sc);
    pc_matcher_free(m);
    pc_model_free(model);
    for (size_t i = 0; i < n; i++) {
        pc_outline_free(ols[i]);
        pc_doc_free(docs[i]);
        free(names[i]);
    }
    free(names);
    free(ols);
    free(docs);
    pc_tax_free(tax);
    return 0;
}
