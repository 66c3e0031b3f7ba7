/* test_frames.c: statement frames (classify/frame.h) read directly, one sentence at a time,
 * under the shipped taxonomy's ontology: who acts, how, and what each reading must leave
 * alone. The sentences are written for these tests. */
#include "testutil.h"

#include "classify/frame.h"
#include "classify/policy.h"
#include "taxonomy/taxonomy.h"

#include <stdio.h>
#include <string.h>

static pc_taxonomy *tax;

static int setup(void **state)
{
    (void)state;
    tax = test_load_onto_taxonomy(POLCMP_TAXONOMY);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    pc_tax_free(tax);
    return 0;
}

/* What one frame must be: its action (an ontology id), actor and modality, and flags it must
 * have and must not have. */
typedef struct frame_want {
    const char *text, *action;
    pc_actor actor;
    pc_modality modality;
    unsigned with, without;
} frame_want;

/* Whether text has a frame of action `action` by `actor` with modality m whose flags include
 * `with` and exclude `without`. */
static int has_frame(const char *text, const char *action, pc_actor actor, pc_modality m,
                     unsigned with, unsigned without)
{
    pc_error err;
    pc_frames *fs = pc_frames_of_text(tax->onto, text, strlen(text), &err);
    assert_non_null(fs);
    int act = pc_onto_find(tax->onto, PC_ONTO_ACTION, action), found = 0;
    assert_true(act >= 0);
    for (size_t i = 0; i < fs->n && !found; i++) {
        const pc_frame *f = &fs->v[i];
        found = f->action == act && f->actor == actor && f->modality == m &&
                (f->flags & with) == with && !(f->flags & without);
    }
    pc_frames_free(fs);
    return found;
}

/* Every case must hold (want 1) or must not (want 0); each failing one is named. */
static void check_frames(const frame_want *cases, const int *want, size_t n)
{
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        const frame_want *c = &cases[i];
        if (has_frame(c->text, c->action, c->actor, c->modality, c->with, c->without) != want[i]) {
            print_error("case %zu: expected %s %s/%s/%s frame in: %s\n", i, want[i] ? "a" : "no",
                        c->action, pc_actor_name(c->actor), pc_modality_name(c->modality), c->text);
            failed++;
        }
    }
    if (failed)
        fail_msg("%zu of %zu cases failed", failed, n);
}

/* An infinitive of purpose after a verb that takes an instrument is done by that verb's
 * subject, with its modality: "we use cookies to collect" is the company collecting, "we may
 * place beacons ... to track" may track; a third party placing them on the company's site to
 * collect is also the company sharing with it. */
static void test_frames_instrument_purpose(void **state)
{
    (void)state;
    static const frame_want cases[] = {
        {"We rely on small text files, and we use cookies to collect your postal code.", "collect",
         PC_ACTOR_WE, PC_MOD_DOES, 0, 0},
        {"We may place beacons in our newsletters to track whether you open them.", "track",
         PC_ACTOR_WE, PC_MOD_MAY, 0, 0},
        {"Tiny images are used to collect the pages you read.", "collect", PC_ACTOR_WE, PC_MOD_DOES,
         0, 0},
        {"We never use cookies to collect your phone number.", "collect", PC_ACTOR_WE,
         PC_MOD_DOES_NOT, 0, 0},
        {"Ad networks may place cookies in our game to collect your device identifiers.", "collect",
         PC_ACTOR_THIRD_PARTY, PC_MOD_MAY, 0, 0},
        {"Ad networks may place cookies in our game to collect your device identifiers.", "share",
         PC_ACTOR_WE, PC_MOD_MAY, PC_FRAME_BY_OTHERS, 0},
        {"We let marketing partners use pixels, tags and similar tools to collect your clicks.",
         "share", PC_ACTOR_WE, PC_MOD_DOES, PC_FRAME_BY_OTHERS, 0},
        /* the verb far before its infinitive, past a list of things and places */
        {"Ad networks may place their pixels, tags, beacons or similar tools in our game, in "
         "our newsletters or in your browser to collect your device identifiers.",
         "share", PC_ACTOR_WE, PC_MOD_MAY, PC_FRAME_BY_OTHERS, 0},
        /* an action of the ontology states the purpose the same way */
        {"When you sign up, we may collect your phone number to send you delivery alerts.",
         "contact", PC_ACTOR_WE, PC_MOD_MAY, 0, 0},
    };
    static const int want[] = {1, 1, 1, 1, 1, 1, 1, 1, 1};
    check_frames(cases, want, sizeof cases / sizeof cases[0]);
}

/* Near misses: an agent used is the one acting ("we use an analytics provider to track": the
 * provider tracks); a thing with no verb of use before it, or a verb whose object is the
 * infinitive itself ("we use to"), keeps the thing as its subject; another party placing
 * cookies on its own site shares nothing of the company's. */
static void test_frames_instrument_near_misses(void **state)
{
    (void)state;
    static const frame_want cases[] = {
        {"We use an analytics provider to track how often you open the app.", "track", PC_ACTOR_WE,
         PC_MOD_DOES, 0, PC_FRAME_BY_OTHERS},
        {"Cookies that expire quickly collect your language.", "collect", PC_ACTOR_WE, PC_MOD_DOES,
         0, 0},
        {"Ad networks may place cookies on their own websites to collect your device "
         "identifiers.",
         "share", PC_ACTOR_WE, PC_MOD_MAY, PC_FRAME_BY_OTHERS, 0},
        {"If you wish, you can use your browser to block cookies.", "collect", PC_ACTOR_WE,
         PC_MOD_DOES, 0, 0},
        /* another party in between subjects a clause of its own: the infinitive is not the
         * earlier verb's purpose */
        {"We use your location, and advertisers may read it to send you offers.", "contact",
         PC_ACTOR_WE, PC_MOD_DOES, 0, 0},
    };
    static const int want[] = {0, 0, 0, 0, 0};
    check_frames(cases, want, sizeof cases / sizeof cases[0]);
}

/* A third party collecting while the person visits the company's service collects through it
 * (the company shares with it), however many verbs name the visit ("visit or interact with
 * the app"); their visit to another's service shares nothing of the company's. */
static void test_frames_while_you_visit(void **state)
{
    (void)state;
    static const frame_want cases[] = {
        {"Ad networks may collect your device identifiers when you open or interact with our "
         "game.",
         "share", PC_ACTOR_WE, PC_MOD_MAY, PC_FRAME_BY_OTHERS, 0},
        {"Ad networks may collect your device identifiers when you visit, browse or use the "
         "website.",
         "share", PC_ACTOR_WE, PC_MOD_MAY, PC_FRAME_BY_OTHERS, 0},
        {"Ad networks may collect your device identifiers when you visit or interact with "
         "their own games.",
         "share", PC_ACTOR_WE, PC_MOD_MAY, PC_FRAME_BY_OTHERS, 0},
    };
    static const int want[] = {1, 1, 0};
    check_frames(cases, want, sizeof cases / sizeof cases[0]);
}

/* Whether the last clause of policy text has a share frame by the company naming data entry
 * `data` (and flagged PC_FRAME_REFERRED when it does). */
static int last_shares(const char *text, const char *data)
{
    pc_policy *p = test_open_text(tax, "refer", text);
    const pc_frames *fs = p->frames;
    size_t k = p->outline->nclauses - 1;
    int act = pc_onto_find(tax->onto, PC_ONTO_ACTION, "share");
    int d = pc_onto_find(tax->onto, PC_ONTO_DATA, data), found = 0;
    assert_true(act >= 0 && d >= 0);
    for (size_t i = fs->first[k]; i < fs->first[k + 1] && !found; i++) {
        const pc_frame *f = &fs->v[i];
        found = f->action == act && f->actor == PC_ACTOR_WE &&
                pc_frame_has_under(fs, f, PC_ONTO_DATA, d);
        assert_true(!found || (f->flags & PC_FRAME_REFERRED));
        assert_true(!found || !(f->flags & PC_FRAME_OBJECT_UNKNOWN));
    }
    pc_policy_free(p);
    return found;
}

/* "this information", "such data" name the data of the clause before in the same section;
 * not what that clause made anonymous or said it does not handle, not across a heading, not
 * when nothing before names data. */
static void test_frames_reference_to_data_before(void **state)
{
    (void)state;
    assert_true(last_shares("We keep your phone number while your account is open.\n\n"
                            "We may share this information with couriers.\n",
                            "phone"));
    assert_true(last_shares("Your phone number is collected at checkout.\n\n"
                            "Such data is shared with couriers.\n",
                            "phone"));
    assert_false(last_shares("We collect your phone number and later de-identify it.\n\n"
                             "We may share such data with couriers.\n",
                             "phone"));
    assert_false(last_shares("# Orders\n\nWe keep your phone number while your account is "
                             "open.\n\n# Couriers\n\nWe may share this information with "
                             "couriers.\n",
                             "phone"));
    assert_false(last_shares("We do not keep your phone number.\n\n"
                             "Such data is shared with couriers who call you.\n",
                             "phone"));
    assert_false(last_shares("Our couriers are fast.\n\n"
                             "We may share this information with couriers.\n",
                             "personal-information"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_frames_instrument_purpose),
        cmocka_unit_test(test_frames_instrument_near_misses),
        cmocka_unit_test(test_frames_while_you_visit),
        cmocka_unit_test(test_frames_reference_to_data_before),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
