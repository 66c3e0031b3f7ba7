/* session_review.c: the reviewer's decisions in a session: what they are about, changing them
 * and keeping the session consistent after each change, saving them (session.h). */
#include "session/session_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

pc_target pc_target_clause(size_t policy, size_t clause)
{
    return (pc_target){.is_finding = 0, .policy = policy, .clause = clause, .requirement = -1};
}

pc_target pc_target_finding(size_t finding)
{
    return (pc_target){.is_finding = 1, .finding = finding, .requirement = -1};
}

pc_target pc_target_requirement(size_t policy, int requirement)
{
    return (pc_target){.is_finding = 1, .policy = policy, .requirement = requirement};
}

/* The result of requirement target t in the comparison, or NULL when it was not checked. */
static const pc_req_result *pc_target_req(const pc_session *s, const pc_target *t)
{
    long i = t->policy < s->npols ? pc_req_result_index(s->cmp, t->policy, t->requirement) : -1;
    return i >= 0 ? &s->cmp->reqs[i] : NULL;
}

/* A decision's address in the review: the policy it is filed under and its key (review.h), and
 * a clause's section title. Owns key and section; borrows policy. */
typedef struct pc_target_key {
    const char *policy;
    char *key, *section;
} pc_target_key;

static void pc_target_key_free(pc_target_key *k)
{
    free(k->key);
    free(k->section);
}

static int pc_target_key_of(const pc_session *s, const pc_target *t, pc_target_key *k,
                            pc_error *err)
{
    memset(k, 0, sizeof *k);
    if (t->requirement >= 0 && pc_target_req(s, t)) {
        k->policy = s->pols[t->policy]->id;
        k->key = pc_review_requirement_key(s->cmp, t->requirement);
    } else if (t->requirement >= 0) {
        pc_error_set(err, "no such requirement checked");
        return -1;
    } else if (t->is_finding && t->finding < s->cmp->nfindings) {
        const pc_finding *f = &s->cmp->findings[t->finding];
        k->policy = pc_review_finding_policy(s->cmp, f);
        k->key = pc_review_finding_key(s->cmp, f);
    } else if (!t->is_finding && t->policy < s->npols &&
               t->clause < s->pols[t->policy]->outline->nclauses) {
        const pc_policy *p = s->pols[t->policy];
        k->policy = p->id;
        k->key = pc_review_policy_clause_key(p, t->clause);
        k->section = pc_review_section_title(p, t->clause);
        if (!k->section)
            free(k->key), k->key = NULL;
    } else {
        pc_error_set(err, "no such %s", t->is_finding ? "finding" : "clause");
        return -1;
    }
    if (!k->key) {
        pc_error_set(err, "out of memory");
        return -1;
    }
    return 0;
}

const pc_decision *pc_session_decision(const pc_session *s, const pc_target *t)
{
    pc_target_key k;
    if (pc_target_key_of(s, t, &k, NULL) < 0)
        return NULL;
    const pc_decision *d = pc_review_find(s->review, t->is_finding, k.policy, k.key);
    pc_target_key_free(&k);
    return d;
}

/* The decision on t, created when there is none. */
static pc_decision *pc_session_get(pc_session *s, const pc_target *t, pc_error *err)
{
    pc_target_key k;
    if (pc_target_key_of(s, t, &k, err) < 0)
        return NULL;
    pc_decision *d = pc_review_get(s->review, t->is_finding, k.policy, k.key, k.section);
    pc_target_key_free(&k);
    if (!d)
        pc_error_set(err, "out of memory");
    return d;
}

/* After decision d changed: drop it when nothing is left in it, then bring the comparison
 * (after a relabel of policy `relabelled`, else -1) and the placing up to date. */
static int pc_session_changed(pc_session *s, pc_decision *d, long relabelled, pc_error *err)
{
    pc_decision_touch(d);
    if (d->status == PC_REV_OPEN && !d->note && !d->relabelled)
        pc_review_remove(s->review, d);
    s->dirty = 1;
    if (relabelled < 0)
        return pc_session_place(s, err);
    if (pc_session_overlay(s, (size_t)relabelled, err) < 0)
        return -1;
    return pc_session_recompare(s, err);
}

int pc_session_decide(pc_session *s, const pc_target *t, pc_review_status status, pc_error *err)
{
    if (status == PC_REV_DISMISSED && !t->is_finding) {
        pc_error_set(err, "only a finding can be dismissed");
        return -1;
    }
    const pc_req_result *res = t->requirement >= 0 ? pc_target_req(s, t) : NULL;
    if (status == PC_REV_DISMISSED && res && res->status != PC_REQ_NOT_DISCLOSED) {
        pc_error_set(err, "only a requirement the policy does not disclose can be dismissed");
        return -1;
    }
    pc_decision *d = pc_session_get(s, t, err);
    if (!d)
        return -1;
    d->status = status;
    return pc_session_changed(s, d, -1, err);
}

int pc_session_note(pc_session *s, const pc_target *t, const char *note, pc_error *err)
{
    pc_decision *d = pc_session_get(s, t, err);
    if (!d)
        return -1;
    if (pc_decision_set_note(d, note) < 0) {
        pc_error_set(err, "out of memory");
        return -1;
    }
    return pc_session_changed(s, d, -1, err);
}

int pc_session_relabel(pc_session *s, const pc_target *t, const char *const *ids, size_t n,
                       pc_error *err)
{
    if (t->is_finding) {
        pc_error_set(err, "only a clause can be relabelled");
        return -1;
    }
    for (size_t i = 0; ids && i < n; i++)
        if (pc_tax_find_category(s->tax, ids[i]) < 0) {
            pc_error_set(err, "no category \"%s\" in the taxonomy: nothing changed", ids[i]);
            return -1;
        }
    pc_decision *d = pc_session_get(s, t, err);
    if (!d)
        return -1;
    if (!ids)
        pc_decision_clear_labels(d);
    else if (pc_decision_set_labels(d, ids, n) < 0) {
        pc_error_set(err, "out of memory");
        return -1;
    }
    return pc_session_changed(s, d, (long)t->policy, err);
}

int pc_session_save(pc_session *s, pc_error *err)
{
    if (s->review_readonly) {
        pc_error_set(err, "%s: %s", s->review->path,
                     s->review_error[0] ? "the review file could not be read and is never "
                                          "overwritten"
                                        : "no review file to save to");
        return -1;
    }
    if (pc_review_save(s->review, err) < 0)
        return -1;
    s->dirty = 0;
    return 0;
}

int pc_session_save_as(pc_session *s, const char *path, pc_error *err)
{
    char *copy = pc_strdup(path);
    if (!copy) {
        pc_error_set(err, "out of memory");
        return -1;
    }
    if (pc_review_save_to(s->review, path, err) < 0) {
        free(copy);
        return -1;
    }
    free(s->review->path);
    s->review->path = copy;
    s->review_readonly = 0;
    s->review_file = 1;
    s->review_error[0] = '\0';
    s->dirty = 0;
    return 0;
}
