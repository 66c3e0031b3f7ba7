/* requirement.h: the disclosures regimes require of a policy (the taxonomy's `requirements:`
 * section, schema in taxonomy/README.md), each checked on its own by the comparison.
 *
 * A requirement belongs to one regime (GDPR, CCPA, COPPA), names the articles it rests on and
 * is made of parts that must all be met ("rights of access, rectification, erasure..."). A
 * part is met by a clause its own rules match, or by a clause labelled with one of its
 * categories; a statement that the company does not do something ("we do not transfer data
 * outside the EEA") discloses it as well as a statement that it does. A requirement may be
 * conditional (it applies only in some cases: a data protection officer, legitimate
 * interests, automated decisions): `applies` rules show that it does apply; without them a
 * missing conditional disclosure is reported at low severity. `exempt` rules show that it does
 * not apply at all (a service not directed at children has no COPPA notice to give).
 */
#ifndef POLCMP_REQUIREMENT_H
#define POLCMP_REQUIREMENT_H

#include <stddef.h>

struct pc_rule;

/* Parts of one requirement are a bit set in the comparison's results. */
#define PC_REQ_MAX_PARTS 32

/* Regimes, as a bit set (--regime gdpr,ccpa,coppa). */
enum { PC_REGIME_GDPR = 1, PC_REGIME_CCPA = 2, PC_REGIME_COPPA = 4 };

/* The regime bit(s) of a name: "gdpr", "ccpa" (also "cpra"), "coppa", "all" (every one), any
 * case; s[0..n). 0 when unknown. */
unsigned pc_req_regime(const char *s, size_t n);
/* "GDPR", "CCPA" or "COPPA" for one regime bit, "?" otherwise. */
const char *pc_req_regime_name(unsigned bit);

/* One part of a requirement. Owns its strings and rules. */
typedef struct pc_req_part {
    char *id, *name;       /* name reads in a sentence: "the right of access" */
    struct pc_rule *rules; /* a clause one of them matches meets the part */
    size_t nrules;
    int *cats; /* a clause labelled with one of these (or below) meets it too */
    size_t ncats;
    int no_contradiction; /* met when the policy contradicts itself nowhere */
} pc_req_part;

/* One requirement. Owns its strings, rules and parts. */
typedef struct pc_requirement {
    char *id;        /* "G1", "C5", "K4" */
    char *name;      /* "identity and contact details of the controller" */
    unsigned regime; /* one PC_REGIME_* bit */
    char **articles; /* "GDPR Art. 13(1)(a)", ... */
    size_t narticles;
    int category;            /* the matrix row it concerns, -1 when none */
    int conditional;         /* applies only in some cases */
    struct pc_rule *applies; /* clauses showing a conditional requirement applies */
    size_t napplies;
    struct pc_rule *exempt; /* clauses showing it does not apply */
    size_t nexempt;
    pc_req_part *parts;
    size_t nparts;
} pc_requirement;

/* The index of the requirement with this id in tax->reqs, or -1. */
struct pc_taxonomy;
int pc_req_find(const struct pc_taxonomy *tax, const char *id);

#endif
