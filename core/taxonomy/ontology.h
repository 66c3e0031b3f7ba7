/* ontology.h: the vocabulary statement frames are built from (the taxonomy's `ontology:`
 * section, schema in taxonomy/README.md): actions, data types, recipients and purposes, each
 * entry with the word sequences that name it and its place in a subsumption order ("email
 * address" is a kind of "contact information", which is a kind of "personal information";
 * selling is a kind of sharing).
 *
 * Terms are matched word by word on text split by util/words.h (lower case, "-" separates
 * words), so "e-mail address" is written and matched as "e mail address". A term word ending
 * in "*" matches any word it begins ("advertis*"). The loaded ontology is read-only.
 */
#ifndef POLCMP_ONTOLOGY_H
#define POLCMP_ONTOLOGY_H

#include "util/words.h"

#include <stddef.h>

typedef enum pc_onto_dim {
    PC_ONTO_ACTION = 0,
    PC_ONTO_DATA,
    PC_ONTO_RECIPIENT,
    PC_ONTO_PURPOSE,
    PC_ONTO_DIMS
} pc_onto_dim;

/* "actions", "data", "recipients", "purposes" (as in the YAML); "action", "data",
 * "recipient", "purpose" (one field of a frame). */
const char *pc_onto_dim_key(pc_onto_dim d);
const char *pc_onto_dim_field(pc_onto_dim d);

/* One entry. Owns its strings and arrays. */
typedef struct pc_onto_entry {
    char *id, *name;
    int *parents; /* entries of the same dimension this one is a kind of */
    size_t nparents;
    char **terms; /* word sequences, words separated by one space */
    size_t nterms;
    int category;     /* actions: the category a contradiction on it concerns, or -1 */
    int no_data;      /* actions: it is not about data (sending messages): the data types
                         and objects of its frames do not scope it */
    int not_personal; /* data: it is not personal data (aggregated, anonymised...) */
    int anaphoric;    /* data: it refers back to data named before ("this information") */
    int no_narrowing; /* purposes: naming it does not narrow a restriction ("for monetary
                         compensation" qualifies a sale; it is no purpose of its own) */
    int *implies;     /* recipients: purposes receiving it implies ("advertisers" ->
                         advertising); actions: see implied_by */
    int agent;        /* recipients: naming it makes a statement's recipients act for the
                         company ("third parties, on our behalf") */
    size_t nimplies;
    int *by_recipient; /* actions: a frame of a parent action with one of these recipients */
    size_t nby_recipient;
    int *by_purpose; /* ... or one of these purposes is also this action */
    size_t nby_purpose;
    int *by_except; /* ... unless every recipient it names is one of these */
    size_t nby_except;
    int through_us; /* actions: what the company does when another party does this through
                       its service ("partners collect data through our app": share), or -1 */

} pc_onto_entry;

/* One term in the index: entry `entry` of dimension `dim`, term `term`. Plain value. */
typedef struct pc_onto_term {
    pc_onto_dim dim;
    int entry;
    const char *words; /* borrowed from the entry */
    size_t nwords;
} pc_onto_term;

/* A run of terms sharing an exact first word: terms[start, end), the word len bytes long.
 * Plain value. */
typedef struct pc_onto_run {
    unsigned start, end, len;
} pc_onto_run;

/* The sieve of the action terms (ontology_sieve.c): opaque, one allocation. */
typedef struct pc_onto_sieve pc_onto_sieve;

/* pc_ontology: the loaded section. Owns everything. under[d] is an n x n matrix:
 * under[d][a * n + b] when entry a is b or a kind of b (reflexive and transitive). */
typedef struct pc_ontology {
    pc_onto_entry *e[PC_ONTO_DIMS];
    size_t n[PC_ONTO_DIMS];
    unsigned char *under[PC_ONTO_DIMS];
    pc_onto_term *terms;   /* every term, sorted by first word (prefix terms last) */
    size_t nterms, nexact; /* terms[0..nexact) have an exact first word */
    pc_onto_run *first;    /* open addressing on the first word of terms[0..nexact): each
                              word's run; end == 0: an empty slot */
    size_t nfirst;         /* slots, a power of two at least twice the runs */
    pc_onto_sieve *sieve;  /* the action terms' first and second words, to tell cheaply that a
                              text names no action (pc_onto_may_act); NULL: it cannot tell */
} pc_ontology;

/* Whether entry a is b or a kind of b. */
int pc_onto_under(const pc_ontology *o, pc_onto_dim d, int a, int b);
/* The index of the entry with this id in dimension d, or -1. */
int pc_onto_find(const pc_ontology *o, pc_onto_dim d, const char *id);

/* A term found in a text: an entry and the words it covers [first, first + nwords). */
typedef struct pc_onto_hit {
    pc_onto_dim dim;
    int entry;
    size_t first, nwords;
} pc_onto_hit;

/* The longest term starting at word i of ws (ties: the first in file order), or 0 when none
 * starts there. */
int pc_onto_match(const pc_ontology *o, const pc_words *ws, size_t i, pc_onto_hit *hit);

/* Whether an action term may match at a word of s[0..len) (split by util/words.h): 0 only when
 * none can (pc_onto_match would find no action term at any word), told from the bytes without
 * splitting them. 1 when o has no sieve. */
int pc_onto_may_act(const pc_ontology *o, const char *s, size_t len);
/* Builds o->sieve from o->terms (done when the section is read; for ontologies made by hand).
 * A term word of bytes other than ASCII letters and digits leaves it NULL. -1 on out of
 * memory. */
int pc_onto_sieve_build(pc_ontology *o);

void pc_onto_free(pc_ontology *o);

#endif
