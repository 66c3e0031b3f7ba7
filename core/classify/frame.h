/* frame.h: statement frames: what each clause that states a practice says, as fields a
 * contradiction can be checked on.
 *
 * A frame is one action a clause states (collect, use, share, sell, retain, track, send
 * marketing: the taxonomy's ontology, taxonomy/ontology.h), with
 * - the actor: the company ("we", the name the policy uses most for itself, a passive without
 *   "by ..."), a third party ("advertisers may collect"), the person ("you may share"), a thing
 *   ("cookies do not collect"), or another name ("Get Help does not use"); a list item without
 *   a subject takes its lead-in's ("We may: - send you offers"), and says nothing when the
 *   lead-in is a right ("you may ask us to stop: - selling..."); what a thing lets the company
 *   do is the company's ("cookies help us track"), and so is what a subject joining the company
 *   with others states ("we and our partners collect"); verbs coordinated in one clause share
 *   the first one's subject ("we collect and use"); a third party collecting through the
 *   company's service or with its leave is also the company sharing with it
 *   (PC_FRAME_BY_OTHERS);
 * - the data types, recipients and purposes named in the same part of the sentence (ontology
 *   entries, so subsumption applies: "email address" is contact information is personal
 *   information), and whether the data is explicitly not personal ("aggregated", "anonymised");
 * - the conditions that limit it (consent, the person's request, an opt-out, a legal duty, a
 *   business transfer, a stated exception, a circumstance: "when you visit", "where required
 *   by law"; "where", "when" or "how" with a subject right after the verb opens its object
 *   instead: "we do not track where you go" is no condition, and its object is unknown);
 * - the modality: does ("we share"), may ("we may share"), does not ("we never sell"), or not
 *   unless ("we do not share ... without your consent", "only with your consent"); a negation
 *   governs the verbs coordinated with its own ("we will not (a) sell it or (b) disclose it"),
 *   not one with a subject or an auxiliary of its own ("and we share it", "and will share it").
 * What is not a statement of practice gets no frame, and the clause records why: a question,
 * a link or button title ("Do Not Sell or Share My Personal Information"), an activity named
 * without a subject ("Selling your data to advertisers;"), a quoted word being defined, a
 * statement of the person's rights or of what they allow ("you have the right to opt out of
 * the sale", "you authorize us to collect"), a hypothetical or an intention ("if we sell our
 * business", "we do not want to collect"), a definition ("'sale' means ..."), a description of
 * the policy ("this policy explains how we share data"), protection against misuse ("not
 * lost, misused or disclosed"). Data named only by a reference ("we share this information")
 * are the data of the frames of the clause before in the same section, when it names some
 * (PC_FRAME_REFERRED). One frame per action, actor and part of a sentence: "we do
 * not sell, rent or trade" is one frame. Flags record what narrows a frame beyond the ontology
 * ("secret chats", "with such data centers", "for the purposes of profiling"), so that a
 * restriction scoped to something the ontology does not know is not taken to cover everything.
 *
 * Frames depend only on the text and the ontology, not on labels: a reviewer's relabel does
 * not change them. Building is linear in the text: each clause is split into words once and
 * each word looked up in the ontology's term index and, in a clause that names an action, once
 * in the index of the cue tables' first words (frame_index.c).
 */
#ifndef POLCMP_FRAME_H
#define POLCMP_FRAME_H

#include "segment/segment.h"
#include "taxonomy/ontology.h"
#include "util/util.h"

#include <stddef.h>

typedef enum pc_actor {
    PC_ACTOR_WE = 0,      /* the company: "we", the app, the policy's own name */
    PC_ACTOR_THIRD_PARTY, /* "advertisers", "our partners", "they" */
    PC_ACTOR_USER,        /* the person: "you", "users", an imperative */
    PC_ACTOR_OTHER,       /* a thing: "cookies do not collect", "this report does not share" */
    PC_ACTOR_NAMED,       /* a name other than the policy's own: a product, another company */
    PC_ACTOR_COUNT
} pc_actor;

typedef enum pc_modality {
    PC_MOD_DOES = 0,   /* "we share" */
    PC_MOD_MAY,        /* "we may share" */
    PC_MOD_DOES_NOT,   /* "we do not share", "never" */
    PC_MOD_NOT_UNLESS, /* "we do not share ... without your consent / except ...", "only with
                          your consent": see the conditions */
} pc_modality;

/* Conditions, a bit set. */
enum {
    PC_COND_CONSENT = 1u << 0,      /* consent, permission, authorization, opting in */
    PC_COND_REQUEST = 1u << 1,      /* at the person's request or direction, when they choose */
    PC_COND_OPT_OUT = 1u << 2,      /* unless the person opts out */
    PC_COND_LAW = 1u << 3,          /* a legal duty, legal process, protecting rights */
    PC_COND_TRANSFER = 1u << 4,     /* a merger, acquisition or sale of the business */
    PC_COND_EXCEPTION = 1u << 5,    /* "except", "other than", "as described in this policy" */
    PC_COND_AUTOMATIC = 1u << 6,    /* explicitly without asking: "automatically", "by default" */
    PC_COND_CIRCUMSTANCE = 1u << 7, /* "if", "when", "where", "to the extent" ("unless"
                                       sets only what follows it: consent, law...) */
    PC_COND_COUNT = 8
};

/* Why a clause has no frame although it names an action. */
typedef enum pc_frame_skip {
    PC_SKIP_NONE = 0,
    PC_SKIP_QUESTION,
    PC_SKIP_TITLE,        /* a link, button or heading title */
    PC_SKIP_RIGHT,        /* a statement of the person's rights or choices */
    PC_SKIP_HYPOTHETICAL, /* the action sits in an "if" / "in the event" clause */
    PC_SKIP_DEFINITION,
    PC_SKIP_OVERVIEW,   /* a description of the policy or a topic ("how we use your data") */
    PC_SKIP_PROTECTION, /* protection against misuse ("not lost, misused or disclosed") */
} pc_frame_skip;

/* What else a frame says about its own scope, a bit set. */
enum {
    PC_FRAME_NOT_PERSONAL = 1u << 0,      /* its data is aggregated, anonymised, not personal */
    PC_FRAME_OBJECT_UNKNOWN = 1u << 1,    /* it names no data but an object the ontology does
                                             not know: "it", "functional widgets" */
    PC_FRAME_SOFTENED = 1u << 2,          /* "generally", "knowingly", "currently" */
    PC_FRAME_EXCLUSIVE = 1u << 3,         /* "only", "no other": it excludes what it names */
    PC_FRAME_DATA_QUALIFIED = 1u << 4,    /* a data type narrowed by a word the ontology does
                                             not know ("secret chats") or by what the text
                                             said before ("such geolocation") */
    PC_FRAME_RECIPIENT_UNKNOWN = 1u << 5, /* "with such data centers" */
    PC_FRAME_PURPOSE_UNKNOWN = 1u << 6,   /* "for the purposes of profiling", "to identify you" */
    PC_FRAME_LEAD_IN = 1u << 7,           /* its clause introduces a list that says what it is
                                             about ("we may collect, with your permission:") */
    PC_FRAME_SOURCE = 1u << 8,            /* it names where data comes from ("from third
                                             parties", "from anyone under 13") */
    PC_FRAME_NO_SUBJECT = 1u << 9,        /* a fragment with no subject and no lead-in to
                                             take one from ("Not retained") */
    PC_FRAME_INHERITED = 1u << 10,        /* a list item's, taken from its lead-in */
    PC_FRAME_LEGAL_SENSE = 1u << 11,      /* its action is meant as a law defines it ("as
                                             defined in the CCPA", "for purposes of the CCPA") */
    PC_FRAME_BY_OTHERS = 1u << 12,        /* the company's part in another party's action
                                             through its service ("partners collect data
                                             through our app": we share it with them) */
    PC_FRAME_LEGAL_NARROW = 1u << 13,     /* its action is meant as a law defines it more
                                             narrowly than the word ("as defined under Nevada
                                             law": a sale for money only) */
    PC_FRAME_ONLY_PURPOSE = 1u << 14,     /* its "only" opens its purpose ("we use it only to
                                             deliver your order"): exclusive of other purposes */
    PC_FRAME_REFERRED = 1u << 15,         /* its data are those of the clause before, which it
                                             names by a reference ("this information") */
    PC_FRAME_FLAGS = 16
};

/* A term of a frame: an ontology entry of a dimension (data, recipient, purpose) and where it
 * is stated. Plain value. */
typedef struct pc_frame_term {
    pc_onto_dim dim;
    int entry;
    pc_span32 span; /* in the document's text (32 bits, util.h) */
} pc_frame_term;

/* One frame. Plain value; its terms are frames->terms[term_first .. + nterms). Offsets and
 * indexes are 32 bits (util.h's PC_TEXT_MAX; frames and terms past 2^32 - 1 are refused as
 * out of memory): 48 bytes, and a large policy has millions. */
typedef struct pc_frame {
    unsigned long long name; /* PC_ACTOR_NAMED: a hash of the name, else 0 */
    uint32_t clause;
    pc_span32 span; /* the action as stated (its first word) */
    uint32_t term_first, nterms;
    int action; /* ontology action index */
    pc_actor actor;
    pc_modality modality;
    unsigned conditions; /* PC_COND_* */
    unsigned flags;      /* PC_FRAME_* */
} pc_frame;

/* pc_frames: the frames of one outline. Owns its arrays; borrows onto and outline, which
 * must outlive it. Frames are in clause order; clause i's are v[first[i] .. first[i + 1]). */
typedef struct pc_frames {
    const pc_ontology *onto;
    const pc_outline *outline;
    pc_frame *v;
    size_t n, cap;
    pc_frame_term *terms;
    size_t nterms, cap_terms;
    uint32_t *first;     /* nclauses + 1 entries */
    unsigned char *skip; /* per clause: a pc_frame_skip */
} pc_frames;

/* The frames of every clause. onto may be NULL (no frames). NULL with err on out of memory. */
pc_frames *pc_frames_build(const pc_ontology *onto, const pc_outline *outline, pc_error *err);
void pc_frames_free(pc_frames *f);

/* The frames of one piece of text (for tests and `classify --segments`-like tools): as if it
 * were one clause. Spans are offsets into text. */
pc_frames *pc_frames_of_text(const pc_ontology *onto, const char *text, size_t len, pc_error *err);

/* Names: "we", "third party", "user", "other", "named"; "does", "may", "does-not", "not-unless"; a
 * condition bit's name ("consent", "request", "opt-out", "law", "business-transfer", "exception",
 * "automatic", "circumstance"); a frame flag's name ("not-personal", "object-unknown",
 * "softened", "exclusive", "data-qualified", "recipient-unknown", "purpose-unknown", "lead-in",
 * "source", "no-subject", "inherited", "legal-sense", "by-others", "legal-narrow",
 * "only-purpose", "referred"); a
 * skip reason ("question", "title", "right", "hypothetical", "definition", "overview",
 * "protection", "" for none). */
const char *pc_actor_name(pc_actor a);
const char *pc_modality_name(pc_modality m);
const char *pc_condition_name(unsigned bit);
const char *pc_frame_skip_name(pc_frame_skip s);
const char *pc_frame_flag_name(unsigned bit);

/* Whether frame f names a term of dimension d, and whether one of them is under entry e. */
int pc_frame_names(const pc_frames *fs, const pc_frame *f, pc_onto_dim d);
int pc_frame_has_under(const pc_frames *fs, const pc_frame *f, pc_onto_dim d, int e);

#endif
