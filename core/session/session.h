/* session.h: one run of polcmp, from files to a comparison a reviewer works on.
 *
 * A pc_session owns everything one run needs: the taxonomy, the policies (each loaded,
 * segmented and classified once), the reviewer's decisions (review.h), the overlays of their
 * relabels laid over the classifications (overlay.h), the comparison (compare.h) and the
 * decisions placed on it (pc_review_map). The command line's `compare`, the UI and its tests ask
 * the session; none of them calls the stages itself.
 *
 * Calling protocol:
 *   pc_session_open()       load the review file (opts.review), the taxonomy and every policy
 *                           (a file that cannot be used is told through opts.note and skipped),
 *                           lay the relabels over the classifications, compare, place the
 *                           decisions;
 *   pc_session_decide(), pc_session_note(), pc_session_relabel()
 *                           change a decision; the session is then consistent again at once:
 *                           decisions placed anew and, after a relabel, the comparison made
 *                           again from the relabelled policy's new overlay (nothing is
 *                           classified again). Pointers into s->cmp and s->map are invalid
 *                           after any of these;
 *   pc_session_save(), pc_session_save_as()
 *                           write the decisions (atomically); `dirty` says whether the last
 *                           change is on disk;
 *   pc_session_write(), pc_session_export()
 *                           the comparison with the decisions in any format (writer.h);
 *   pc_session_free().
 * A session is used by one thread at a time.
 */
#ifndef POLCMP_SESSION_H
#define POLCMP_SESSION_H

#include "classify/policy.h"
#include "compare/compare.h"
#include "present/writer.h"
#include "review/review.h"
#include "taxonomy/taxonomy.h"
#include "text/load.h"
#include "util/util.h"

#include <stdio.h>

/* What to open. Plain value; the strings are borrowed for the call. */
typedef struct pc_session_opts {
    const char *taxonomy; /* the taxonomy file */
    const char *model;    /* the learned model file; NULL: the taxonomy's own, when it has one */
    int no_model;         /* 1: the rules alone decide (no model is loaded) */
    int written_only;     /* 1: the comparison is only written out, never shown in the UI: what
                             only the UI shows (the model's n-grams and verdicts) is not
                             kept */
    unsigned regimes;     /* PC_REGIME_* whose required disclosures are checked */
    pc_load_opts load;    /* how policies are read (size limit, format, encoding) */
    int allow_empty;      /* keep a policy with no clause (else it is told and skipped) */
    /* The review file. NULL: no review (an empty one that is never written, and the comparison
     * is written without decisions: s->map is NULL). A file that does not parse
     * fails the open, unless review_lenient: then the session goes on with an empty review
     * that is never written to it (review_readonly; review_error says why). */
    const char *review;
    int review_lenient;
    /* Told, as they happen, of a file skipped (one that cannot be read, or a policy with no
     * clause unless allow_empty) or a review file that did not parse (error 1),
     * and of a relabel naming a category the taxonomy does not know (error 0). May be NULL. */
    void (*note)(void *ctx, int error, const char *msg);
    /* Told of each policy's document once it loaded (to report what normalization changed).
     * May be NULL. */
    void (*loaded)(void *ctx, const pc_doc *doc);
    void *ctx;
} pc_session_opts;

/* pc_session: owns the taxonomy, the policies (with their overlays), the review, the comparison
 * and the map; the comparison and the map are rebuilt by every change. */
typedef struct pc_session {
    pc_taxonomy *tax;
    pc_model *model; /* the learned model (pc_model_open), NULL: the rules alone; handed to
                        classification with tax (pc_session_open_policies) */
    pc_policy **pols;
    size_t npols;   /* policies opened (ids made unique: "name", "name-2") */
    size_t skipped; /* files that could not be used (told through note) */
    unsigned regimes;
    pc_review *review;               /* never NULL */
    int review_file;                 /* a review file was given */
    int review_readonly;             /* never written: no file given, or it did not parse */
    char review_error[PC_ERROR_MAX]; /* why the review file could not be read, or "" */
    int dirty;                       /* a decision changed since the last successful save */
    pc_comparison *cmp;
    pc_review_map *map; /* the decisions placed on cmp; NULL without a review file */
    void (*note)(void *ctx, int error, const char *msg);
    void *note_ctx;
} pc_session;

/* Open a session on n policy files. NULL with err when the review file does not parse (unless
 * lenient), the taxonomy cannot be loaded, no policy could be read, or memory runs out. */
pc_session *pc_session_open(const pc_session_opts *opts, char *const *paths, size_t n,
                            pc_error *err);
void pc_session_free(pc_session *s);

/* Lay every policy's relabels over its classification again, compare, place the decisions.
 * 0, or -1 with err (the session keeps its previous comparison). */
int pc_session_compare(pc_session *s, pc_error *err);

/* What a decision is about: clause `clause` of policy `policy`, finding `finding` of the
 * session's comparison, or requirement `requirement` (an index into tax->reqs) of a selected
 * regime checked on policy `policy` (a finding decision in the review file, with the key its
 * missing-required finding has: review.h). Plain value. */
typedef struct pc_target {
    int is_finding;
    size_t policy, clause;
    size_t finding;
    int requirement; /* -1 unless a requirement */
} pc_target;

pc_target pc_target_clause(size_t policy, size_t clause);
pc_target pc_target_finding(size_t finding);
pc_target pc_target_requirement(size_t policy, int requirement);

/* The decision on t as it is in the review file (NULL when none). For how it fits the
 * comparison (current, or stale: "needs review again") read s->map. */
const pc_decision *pc_session_decision(const pc_session *s, const pc_target *t);
/* Set the status of the decision on t (created when needed; DISMISSED only for a finding or a
 * requirement the policy does not disclose: "not applicable").
 * A decision left with nothing in it (open, no note, no relabel) is removed. 0, or -1 with err
 * (t names nothing, out of memory; nothing changed). */
int pc_session_decide(pc_session *s, const pc_target *t, pc_review_status status, pc_error *err);
/* Set the note of the decision on t ("" or NULL removes it), as above. */
int pc_session_note(pc_session *s, const pc_target *t, const char *note, pc_error *err);
/* Relabel clause t to the categories ids[0..n) (n == 0: no label at all), or with ids == NULL
 * withdraw the relabel (the classifier's labels stand again). An id the taxonomy does not know
 * is an error and changes nothing. The comparison is made again; nothing is classified again. */
int pc_session_relabel(pc_session *s, const pc_target *t, const char *const *ids, size_t n,
                       pc_error *err);

/* Write the decisions to the review file (atomic). 0, or -1 with err: the file is read-only
 * (s->review_readonly) or could not be written; the decisions stay in memory either way. */
int pc_session_save(pc_session *s, pc_error *err);
/* Write them to `path` instead, which becomes the review file (writable from then on). */
int pc_session_save_as(pc_session *s, const char *path, pc_error *err);

/* The comparison with the decisions, written by w (writer.h) to a stream, or to the file
 * `path` atomically. 0, or -1 with err (a file's errors name it). */
int pc_session_write(const pc_session *s, const pc_writer *w, FILE *f, pc_error *err);
int pc_session_export(const pc_session *s, const pc_writer *w, const char *path, pc_error *err);
/* The rows chosen (NULL: everything; present.h), as one screen of the UI shows them. */
int pc_session_export_rows(const pc_session *s, const pc_writer *w, const pc_rows *rows,
                           const char *path, pc_error *err);

/* Whether a finding of one of `kinds` (bit k: kind k) remains that the reviewer did not
 * dismiss (for `compare --fail-on`). */
int pc_session_fails_on(const pc_session *s, unsigned kinds);

#endif
