/* test_segment.c: the segmenter on small policies written for these tests, one per shape:
 * numbered headings with nested lists, subsections and (A) items, Q:/A:, Markdown, HTML,
 * ALL-CAPS and glued headings, a wall of text, web chrome, empty sections and CJK text. */
#include "segment/segment.h"
#include "testutil.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

/* A document and its outline, freed together. */
typedef struct fixture {
    pc_doc *doc;
    pc_outline *o;
} fixture;

/* Every outline keeps these promises: non-empty trimmed clauses inside their section's span,
 * sections and clauses in document order, parents before children one level up, and each
 * section's own clauses contiguous. */
static void check_invariants(const pc_outline *o)
{
    const char *t = o->doc->text;
    size_t next_clause = 0;
    for (size_t i = 0; i < o->nsections; i++) {
        const pc_section *s = &o->sections[i];
        assert_true(s->start <= s->end && s->end <= o->doc->len);
        assert_true(s->title_start <= s->title_end);
        if (i > 0)
            assert_true(o->sections[i - 1].start <= s->start);
        if (s->parent >= 0) {
            assert_true((size_t)s->parent < i);
            assert_int_equal(s->level, o->sections[s->parent].level + 1);
            assert_true(o->sections[s->parent].end >= s->end);
        } else {
            assert_int_equal(s->level, 1);
        }
        assert_int_equal(s->first_clause, next_clause);
        next_clause += s->nclauses;
        for (size_t k = 0; k < s->nclauses; k++) {
            const pc_clause *c = &o->clauses[s->first_clause + k];
            assert_int_equal(c->section, (int)i);
            assert_true(c->start < c->end);
            assert_true(c->start >= s->start && c->end <= s->end);
            assert_false(t[c->start] == ' ' || t[c->start] == '\n' || t[c->end - 1] == ' ' ||
                         t[c->end - 1] == '\n');
        }
    }
    assert_int_equal(next_clause, o->nclauses);
    for (size_t k = 1; k < o->nclauses; k++)
        assert_true(o->clauses[k - 1].end <= o->clauses[k].start);
    for (size_t k = 0; k < o->nclauses; k++)
        assert_true(o->clauses[k].lead < (int)k);
}

static fixture seg_text(const char *text, pc_format format)
{
    pc_error err = {{0}};
    fixture f;
    f.doc = pc_doc_from_memory("fixture", text, strlen(text), format, &err);
    assert_non_null(f.doc);
    f.o = pc_segment(f.doc, &err);
    assert_non_null(f.o);
    check_invariants(f.o);
    return f;
}

static fixture seg_file(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/segment/%s", POLCMP_TEST_DATA, name);
    char *text = test_read_file(path, NULL);
    assert_non_null(text);
    fixture f = seg_text(text, PC_FORMAT_TEXT);
    free(text);
    return f;
}

static void fixture_free(fixture *f)
{
    pc_outline_free(f->o);
    pc_doc_free(f->doc);
}

/* Is the span's text exactly `want`? */
static int span_is(const fixture *f, size_t s, size_t e, const char *want)
{
    return e - s == strlen(want) && !memcmp(f->doc->text + s, want, e - s);
}

static void expect_title(const fixture *f, size_t i, const char *want, int level)
{
    assert_true(i < f->o->nsections);
    const pc_section *s = &f->o->sections[i];
    if (!span_is(f, s->title_start, s->title_end, want))
        fail_msg("section %zu: title '%.*s', want '%s'", i, (int)(s->title_end - s->title_start),
                 f->doc->text + s->title_start, want);
    assert_int_equal(s->level, level);
}

static void expect_clause(const fixture *f, size_t k, const char *want, pc_clause_kind kind)
{
    assert_true(k < f->o->nclauses);
    const pc_clause *c = &f->o->clauses[k];
    if (!span_is(f, c->start, c->end, want))
        fail_msg("clause %zu: '%.*s', want '%s'", k, (int)(c->end - c->start),
                 f->doc->text + c->start, want);
    assert_int_equal(c->kind, kind);
}

static void test_numbered_with_nested_list(void **state)
{
    (void)state;
    fixture f = seg_file("numbered.txt");
    assert_true(span_is(&f, f.o->title.start, f.o->title.end, "Privacy Policy"));
    assert_int_equal(f.o->nsections, 4);
    expect_title(&f, 0, "Privacy Policy", 1); /* the preamble carries the document title */
    assert_int_equal(f.o->sections[0].nclauses, 2);
    expect_title(&f, 1, "1. Scope", 1);
    expect_title(&f, 2, "2. Uses of Data", 1);
    expect_title(&f, 3, "3. Contact", 1);
    const pc_section *uses = &f.o->sections[2];
    assert_int_equal(uses->nclauses, 4);
    size_t k = uses->first_clause;
    expect_clause(&f, k, "We use data for these purposes:", PC_CLAUSE_SENTENCE);
    expect_clause(&f, k + 1, "Running the shop;", PC_CLAUSE_ITEM);
    expect_clause(&f, k + 3, "Answering questions.", PC_CLAUSE_ITEM);
    for (size_t j = 1; j <= 3; j++)
        assert_int_equal(f.o->clauses[k + j].lead, (int)k);
    assert_int_equal(f.o->clauses[k].lead, -1);
    fixture_free(&f);
}

static void test_subsections_and_letter_items(void **state)
{
    (void)state;
    fixture f = seg_file("subsections.txt");
    assert_int_equal(f.o->nsections, 4);
    expect_title(&f, 0, "1. General", 1);
    assert_int_equal(f.o->sections[0].nclauses, 0); /* empty, but still a section */
    expect_title(&f, 1, "1.1 Who we are", 2);
    expect_title(&f, 2, "1.2 What we collect", 2);
    assert_int_equal(f.o->sections[1].parent, 0);
    assert_int_equal(f.o->sections[2].parent, 0);
    expect_title(&f, 3, "2. Rights", 1);
    const pc_section *s = &f.o->sections[2];
    assert_int_equal(s->nclauses, 4);
    size_t k = s->first_clause;
    expect_clause(&f, k + 1, "Name", PC_CLAUSE_ITEM);
    expect_clause(&f, k + 2, "Email address", PC_CLAUSE_ITEM);
    expect_clause(&f, k + 3, "DELIVERY ADDRESS", PC_CLAUSE_ITEM); /* caps inside a list */
    assert_int_equal(f.o->clauses[k + 3].lead, (int)k);
    fixture_free(&f);
}

static void test_letter_run_without_lead(void **state)
{
    (void)state;
    fixture f = seg_text("1. Logs\nOur server records visits.\n(A) IP address\n(B) Browser\n"
                         "2. Other\nNothing else.\n",
                         PC_FORMAT_TEXT);
    assert_int_equal(f.o->nsections, 2);
    expect_clause(&f, 1, "IP address", PC_CLAUSE_ITEM);
    expect_clause(&f, 2, "Browser", PC_CLAUSE_ITEM);
    assert_int_equal(f.o->clauses[1].lead, -1);
    fixture_free(&f);
}

static void test_question_answer(void **state)
{
    (void)state;
    fixture f = seg_text("Q: What do you collect?\nA: We collect your name. We also collect your "
                         "email.\nQ: Who sees it?\nA: Nobody else.\n",
                         PC_FORMAT_TEXT);
    assert_int_equal(f.o->nsections, 2);
    expect_title(&f, 0, "What do you collect?", 1);
    expect_title(&f, 1, "Who sees it?", 1);
    assert_int_equal(f.o->sections[0].nclauses, 2);
    expect_clause(&f, 0, "We collect your name.", PC_CLAUSE_SENTENCE);
    expect_clause(&f, 2, "Nobody else.", PC_CLAUSE_SENTENCE);
    fixture_free(&f);
}

static void test_markdown(void **state)
{
    (void)state;
    fixture f = seg_text("# Privacy Policy\n\nSome intro words.\n\n## Data We Collect ##\n\n"
                         "We collect names.\n\n- Name\n- Email\n\n### Cookies\n\nWe use cookies.\n"
                         "\n## Contact\n\nMail us.\n",
                         PC_FORMAT_MARKDOWN);
    assert_int_equal(f.o->nsections, 4);
    expect_title(&f, 0, "Privacy Policy", 1);
    expect_title(&f, 1, "Data We Collect", 1);
    expect_title(&f, 2, "Cookies", 2);
    assert_int_equal(f.o->sections[2].parent, 1);
    expect_title(&f, 3, "Contact", 1);
    expect_clause(&f, 2, "Name", PC_CLAUSE_ITEM);
    assert_int_equal(f.o->clauses[2].lead, -1); /* "We collect names." is no lead-in */
    fixture_free(&f);
}

static void test_html(void **state)
{
    (void)state;
    fixture f = seg_text("<html><body><h1>Privacy Policy</h1><p>Intro text here.</p>"
                         "<h2>Data</h2><p>We collect:</p><ul><li>Name</li><li>Email</li></ul>"
                         "<h2>Sharing</h2><p>We never share data.</p></body></html>",
                         PC_FORMAT_HTML);
    /* The HTML reader hands the segmenter the page's structure: one block per heading,
     * paragraph and list item. Without it the headings below would not be found. */
    static const pc_block_kind kinds[] = {PC_BLOCK_HEADING, PC_BLOCK_PARA, PC_BLOCK_HEADING,
                                          PC_BLOCK_PARA,    PC_BLOCK_ITEM, PC_BLOCK_ITEM,
                                          PC_BLOCK_HEADING, PC_BLOCK_PARA};
    assert_int_equal(f.doc->nblocks, 8);
    for (size_t i = 0; i < 8; i++)
        assert_int_equal(f.doc->blocks[i].kind, kinds[i]);
    assert_int_equal(f.o->nsections, 3);
    expect_title(&f, 1, "Data", 1);
    expect_title(&f, 2, "Sharing", 1);
    const pc_section *d = &f.o->sections[1];
    assert_int_equal(d->nclauses, 3);
    expect_clause(&f, d->first_clause + 2, "Email", PC_CLAUSE_ITEM);
    assert_int_equal(f.o->clauses[d->first_clause + 2].lead, (int)d->first_clause);
    fixture_free(&f);
}

/* A number written into a markup list item is the author's text and stays (a table of
 * contents of links); a number that makes a plain-text line an item is left out of it. */
static void test_html_item_numbers_kept(void **state)
{
    (void)state;
    fixture f = seg_text("<html><body><h1>Contents</h1><ul><li><a href=\"#a\">1. Who we are</a>"
                         "</li><li><a href=\"#b\">2. What we keep</a></li><li>(c) Your rights</li>"
                         "<li>1.</li></ul></body></html>",
                         PC_FORMAT_HTML);
    assert_int_equal(f.o->nclauses, 3);
    expect_clause(&f, 0, "1. Who we are", PC_CLAUSE_ITEM);
    expect_clause(&f, 1, "2. What we keep", PC_CLAUSE_ITEM);
    expect_clause(&f, 2, "(c) Your rights", PC_CLAUSE_ITEM);
    fixture_free(&f);
    f = seg_text("Contents:\n  1. Who we are\n  2. What we keep\n", PC_FORMAT_TEXT);
    expect_clause(&f, 1, "Who we are", PC_CLAUSE_ITEM);
    fixture_free(&f);
}

/* A short first line of a wrapped paragraph reads like a title, but the line under it goes on
 * in lowercase: it is running text, not a heading. */
static void test_wrapped_short_line_is_no_heading(void **state)
{
    (void)state;
    fixture f = seg_text("Privacy Policy\n\nOur Data\n\nWe keep what you tell us.\n\n"
                         "We also collect your\nname and postal address when you order.\n",
                         PC_FORMAT_TEXT);
    assert_int_equal(f.o->nsections, 1);
    expect_title(&f, 0, "Our Data", 1);
    assert_int_equal(f.o->nclauses, 2);
    expect_clause(&f, 1, "We also collect your\nname and postal address when you order.",
                  PC_CLAUSE_SENTENCE);
    fixture_free(&f);
}

static void test_caps_headings(void **state)
{
    (void)state;
    fixture f = seg_text("Acme Privacy Notice\nWe respect your privacy.\nYOUR RIGHTS\nYou can ask "
                         "us to delete your data. We answer within a month.\nDATA SECURITY\nWe "
                         "encrypt data at rest.\nWe keep these records:\nORDER HISTORY\n",
                         PC_FORMAT_TEXT);
    assert_int_equal(f.o->nsections, 3);
    expect_title(&f, 1, "YOUR RIGHTS", 1);
    expect_title(&f, 2, "DATA SECURITY", 1);
    assert_int_equal(f.o->sections[1].nclauses, 2);
    /* an ALL-CAPS line after a lead-in is content, not a heading */
    expect_clause(&f, f.o->nclauses - 1, "ORDER HISTORY", PC_CLAUSE_SENTENCE);
    fixture_free(&f);
}

static void test_title_like_heading(void **state)
{
    (void)state;
    fixture f = seg_text("Intro text that is long enough to be a sentence.\nHow We Use Data\n"
                         "We use data to ship your orders and nothing else.\n",
                         PC_FORMAT_TEXT);
    assert_int_equal(f.o->nsections, 2);
    expect_title(&f, 0, "", 1);
    expect_title(&f, 1, "How We Use Data", 1);
    fixture_free(&f);
}

/* A date line set as a heading (an HTML heading, a short line over a paragraph) stays a clause
 * of the section it sits in; a heading that opens with a date word but gives no year stays a
 * heading. */
static void test_date_line_no_heading(void **state)
{
    (void)state;
    fixture f = seg_text("<html><body><h1>Privacy Policy</h1><h3>Last updated: 5 March 2024</h3>"
                         "<p>This policy explains what we do with your data.</p>"
                         "<h2>Effective communication</h2><p>We write to you in plain words.</p>"
                         "</body></html>",
                         PC_FORMAT_HTML);
    assert_int_equal(f.o->nsections, 2);
    expect_title(&f, 1, "Effective communication", 1);
    expect_clause(&f, f.o->sections[0].first_clause, "Last updated: 5 March 2024",
                  PC_CLAUSE_SENTENCE);
    fixture_free(&f);
    f = seg_text("Intro text that is long enough to be a sentence.\nEffective June 4, 2014\n"
                 "We use data to ship your orders and nothing else.\n",
                 PC_FORMAT_TEXT);
    assert_int_equal(f.o->nsections, 1);
    expect_clause(&f, 1, "Effective June 4, 2014", PC_CLAUSE_SENTENCE);
    fixture_free(&f);
}

static void test_glued_headings(void **state)
{
    (void)state;
    fixture f = seg_text("1. Cookies\nWe use two kinds of cookies.\nAnalytics cookiesWe use analytics "
                         "cookies to count visits. They help us.\nMarketing cookies.These cookies "
                         "show ads.\nWe keep logs for a week. Security We protect data with "
                         "strong encryption.\n",
                         PC_FORMAT_TEXT);
    assert_int_equal(f.o->nsections, 4);
    expect_title(&f, 1, "Analytics cookies", 2);
    expect_title(&f, 2, "Marketing cookies", 2);
    expect_title(&f, 3, "Security", 2);
    assert_int_equal(f.o->sections[1].parent, 0);
    expect_clause(&f, f.o->sections[1].first_clause, "We use analytics cookies to count visits.",
                  PC_CLAUSE_SENTENCE);
    expect_clause(&f, f.o->sections[2].first_clause, "These cookies show ads.",
                  PC_CLAUSE_SENTENCE);
    expect_clause(&f, f.o->sections[2].first_clause + 1, "We keep logs for a week.",
                  PC_CLAUSE_SENTENCE);
    expect_clause(&f, f.o->sections[3].first_clause, "We protect data with strong encryption.",
                  PC_CLAUSE_SENTENCE);
    fixture_free(&f);
}

static void test_no_false_glue(void **state)
{
    (void)state;
    fixture f = seg_text("We embed YouTube videos. McDonald visited us. The iPhone app uses WeChat "
                         "login. Google Analytics counts visits. Our website links to others.\n",
                         PC_FORMAT_TEXT);
    assert_int_equal(f.o->nsections, 1);
    assert_int_equal(f.o->nclauses, 5);
    fixture_free(&f);
}

static void test_wall_of_text(void **state)
{
    (void)state;
    fixture f = seg_text("Privacy Policy\n\nWe collect names, e.g. for orders. Data stays in the "
                         "U.S. and the E.U. only. Version 1.5 applies since May. Write to "
                         "help@example.com with questions. We never sell data! Do we share it? "
                         "Only with couriers.\n",
                         PC_FORMAT_TEXT);
    assert_int_equal(f.o->nsections, 1);
    assert_int_equal(f.o->nclauses, 7);
    expect_clause(&f, 1, "Data stays in the U.S. and the E.U. only.", PC_CLAUSE_SENTENCE);
    fixture_free(&f);
}

/* The chrome spans are want[0..n), in order. */
static void expect_chrome(const fixture *f, const char *const *want, size_t n)
{
    assert_int_equal(f->o->nchrome, n);
    for (size_t i = 0; i < n; i++)
        assert_true(span_is(f, f->o->chrome[i].start, f->o->chrome[i].end, want[i]));
}

static void test_chrome(void **state)
{
    (void)state;
    fixture f = seg_file("chrome.txt");
    assert_true(span_is(&f, f.o->title.start, f.o->title.end, "Privacy Policy"));
    assert_int_equal(f.o->nclauses, 2);
    expect_clause(&f, 0, "We value your privacy.", PC_CLAUSE_SENTENCE);
    expect_clause(&f, 1, "We store data in the EU.", PC_CLAUSE_SENTENCE);
    const char *want[] = {"Skip to content", "Menu", "Bramble Books", "Top",
                          "English Deutsch Fran\303\247ais \xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E",
                          "We use cookies to improve your experience. Accept all",
                          "\xC2\xA9 2024 Bramble Books"};
    expect_chrome(&f, want, sizeof want / sizeof want[0]);
    fixture_free(&f);
}

/* Pickers of three names, of every length the list has (2 to 18 bytes; Latin, CJK, Cyrillic,
 * Greek, Devanagari), are chrome in any case: missing any one name, a line would not be. */
static void test_language_picker_lengths(void **state)
{
    (void)state;
    const char *want[] = {
        "US Dansk Polski", "ENGLISH Espa\xC3\xB1ol Portugu\xC3\xAAs",
        "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E \xE7\xAE\x80\xE4\xBD\x93\xE4\xB8\xAD\xE6\x96\x87 "
        "\xD1\x80\xD1\x83\xD1\x81\xD1\x81\xD0\xBA\xD0\xB8\xD0\xB9",
        "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xB7\xCE\xBD\xCE\xB9\xCE\xBA\xCE\xAC "
        "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5\x80 uk"};
    pc_buf text = {0};
    pc_buf_adds(&text, "Privacy Policy\nWe value your privacy.\n");
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        pc_buf_adds(&text, want[i]);
        pc_buf_adds(&text, "\nWe store data in the EU.\n");
    }
    fixture f = seg_text(text.data, PC_FORMAT_TEXT);
    expect_chrome(&f, want, sizeof want / sizeof want[0]);
    assert_int_equal(f.o->nclauses, 5);
    fixture_free(&f);
    pc_buf_free(&text);
}

/* Cookie banners end with a button's label in any case ("OK", "Got it", "CUSTOMIZE"); a line
 * that mentions cookies and ends otherwise, or ends with a label glued to a word, stays. */
static void test_cookie_buttons(void **state)
{
    (void)state;
    fixture f = seg_text("Privacy Policy\nWe value your privacy.\n"
                         "This site uses cookies. OK\nWe store data in the EU.\n"
                         "Cookies keep you signed in. Got it\nWe keep cookies for a year.\n"
                         "Our cookies count visits. CUSTOMIZE\nCookie makers like to bake.\n"
                         "Our cookies are listed in the cookbook\nWe answer within a week.\n",
                         PC_FORMAT_TEXT);
    const char *want[] = {"This site uses cookies. OK", "Cookies keep you signed in. Got it",
                          "Our cookies count visits. CUSTOMIZE"};
    expect_chrome(&f, want, sizeof want / sizeof want[0]);
    assert_int_equal(f.o->nclauses, 5);
    fixture_free(&f);
}

/* Language pickers split by "|", "/", ",", "(" and ")" as well as by spaces, anywhere in the
 * text; prose that names a few languages stays. */
static void test_language_picker_separators(void **state)
{
    (void)state;
    fixture f = seg_text("Privacy Policy\nWe value your privacy.\n"
                         "English | Deutsch/Espa\xC3\xB1ol (US)\n"
                         "We store data in the EU.\nDeutsch,English,Italiano\n"
                         "We answer in English, Deutsch or Italiano on request.\n",
                         PC_FORMAT_TEXT);
    const char *want[] = {"English | Deutsch/Espa\xC3\xB1ol (US)", "Deutsch,English,Italiano"};
    expect_chrome(&f, want, sizeof want / sizeof want[0]);
    assert_int_equal(f.o->nclauses, 3);
    expect_clause(&f, 2, "We answer in English, Deutsch or Italiano on request.",
                  PC_CLAUSE_SENTENCE);
    fixture_free(&f);
}

static void test_empty_sections(void **state)
{
    (void)state;
    fixture f = seg_text("1. Intro\nHello there.\n2. Empty\n3. Last\nBye now.\n4. Also Empty\n",
                         PC_FORMAT_TEXT);
    assert_int_equal(f.o->nsections, 4);
    expect_title(&f, 1, "2. Empty", 1);
    assert_int_equal(f.o->sections[1].nclauses, 0);
    expect_title(&f, 3, "4. Also Empty", 1);
    assert_int_equal(f.o->sections[3].nclauses, 0);
    fixture_free(&f);
}

static void test_cjk_text(void **state)
{
    (void)state;
    /* 隐私政策 / 我们收集您的姓名。我们不会出售您的数据！您有权删除数据吗？ */
    fixture f = seg_text("\xE9\x9A\x90\xE7\xA7\x81\xE6\x94\xBF\xE7\xAD\x96\n"
                         "\xE6\x88\x91\xE4\xBB\xAC\xE6\x94\xB6\xE9\x9B\x86\xE6\x82\xA8\xE7\x9A\x84"
                         "\xE5\xA7\x93\xE5\x90\x8D\xE3\x80\x82\xE6\x88\x91\xE4\xBB\xAC\xE4\xB8\x8D"
                         "\xE4\xBC\x9A\xE5\x87\xBA\xE5\x94\xAE\xE6\x82\xA8\xE7\x9A\x84\xE6\x95\xB0"
                         "\xE6\x8D\xAE\xEF\xBC\x81\xE6\x82\xA8\xE6\x9C\x89\xE6\x9D\x83\xE5\x88\xA0"
                         "\xE9\x99\xA4\xE6\x95\xB0\xE6\x8D\xAE\xE5\x90\x97\xEF\xBC\x9F\n",
                         PC_FORMAT_TEXT);
    assert_int_equal(f.o->nsections, 1);
    expect_title(&f, 0, "\xE9\x9A\x90\xE7\xA7\x81\xE6\x94\xBF\xE7\xAD\x96", 1);
    assert_int_equal(f.o->nclauses, 3);
    expect_clause(&f, 0,
                  "\xE6\x88\x91\xE4\xBB\xAC\xE6\x94\xB6\xE9\x9B\x86\xE6\x82\xA8\xE7\x9A\x84"
                  "\xE5\xA7\x93\xE5\x90\x8D\xE3\x80\x82",
                  PC_CLAUSE_SENTENCE);
    fixture_free(&f);
}

static void test_long_item_split(void **state)
{
    (void)state;
    char text[2048];
    /* the first item runs to about 430 bytes over four sentences: it is split */
    snprintf(text, sizeof text, "We share data with:\n- Couriers. %s %s %s\n- Banks.\n",
             "They receive your name and address so that they can deliver the parcels you order "
             "from us, and they keep it only for as long as the delivery and any complaint about "
             "it take.",
             "They may contact you by phone or e-mail to arrange a delivery time, and they must "
             "not use your details for their own marketing or pass them on to anyone else under "
             "any circumstances whatsoever.",
             "Both rules are part of our contracts with them.");
    fixture f = seg_text(text, PC_FORMAT_TEXT);
    assert_int_equal(f.o->nclauses, 6);
    for (size_t k = 1; k < 6; k++) {
        assert_int_equal(f.o->clauses[k].kind, PC_CLAUSE_ITEM);
        assert_int_equal(f.o->clauses[k].lead, 0);
    }
    expect_clause(&f, 1, "Couriers.", PC_CLAUSE_ITEM);
    expect_clause(&f, 4, "Both rules are part of our contracts with them.", PC_CLAUSE_ITEM);
    expect_clause(&f, 5, "Banks.", PC_CLAUSE_ITEM);
    fixture_free(&f);
}

static void test_nested_leads(void **state)
{
    (void)state;
    fixture f = seg_text("We collect:\n- Contact data, namely:\n  - name\n  - phone\n- Usage data\n",
                         PC_FORMAT_TEXT);
    assert_int_equal(f.o->nclauses, 5);
    assert_int_equal(f.o->clauses[1].lead, 0);
    assert_int_equal(f.o->clauses[2].lead, 1);
    assert_int_equal(f.o->clauses[3].lead, 1);
    assert_int_equal(f.o->clauses[4].lead, 0);
    fixture_free(&f);
}

static void test_only_chrome(void **state)
{
    (void)state;
    fixture f = seg_text("Skip to content\n\nMenu\nTop\n", PC_FORMAT_TEXT);
    assert_int_equal(f.o->nsections, 0);
    assert_int_equal(f.o->nclauses, 0);
    assert_int_equal(f.o->nchrome, 3);
    fixture_free(&f);
}

/* Documents stitched from the pieces the segmenter reacts to (markers, abbreviations, chrome,
 * CJK stops, glued titles), with a fixed seed: whatever comes out keeps the invariants. */
static void test_stitched_documents(void **state)
{
    (void)state;
    static const char *const toks[] = {
        "1.", "1.1", "(A)", "(a)", "iv)", "IV.", "#", "##", "Q:", "A:", "-", "*",
        "\xE2\x80\xA2", "  ", "\t", "We", "Our", "cookiesWe", ".These", "e.g.", "U.S.",
        "Inc.", "Top", "Account", "English", "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E",
        "\xE3\x80\x82", "\xEF\xBC\x81", "Privacy Policy", "ShopPrivacy Policy", "\n", "\n\n",
        ":", ";", "\"", "\xE2\x80\x9D", "\xE2\x80\xA6", "...", "www.x.example", "a@b.example",
        "Accept all", "\xC2\xA9", "**", "---", "===", "ALL CAPS LINE", "Title Words", "1.5", ".",
        "?", "(", ")",
    };
    static const char *const seps[] = {" ", "", "\n", " "};
    unsigned long r = 12345;
    for (int doc = 0; doc < 300; doc++) {
        char text[8192];
        size_t n = 0;
        r = r * 6364136223846793005UL + 1442695040888963407UL;
        int count = (int)(r >> 33) % 400 + 1;
        for (int i = 0; i < count; i++) {
            r = r * 6364136223846793005UL + 1442695040888963407UL;
            const char *tok = toks[(r >> 33) % (sizeof toks / sizeof toks[0])];
            const char *sep = seps[(r >> 20) % 4];
            if (n + strlen(tok) + strlen(sep) + 1 >= sizeof text)
                break;
            n += (size_t)sprintf(text + n, "%s%s", tok, sep);
        }
        pc_error err = {{0}};
        pc_doc *d = pc_doc_from_memory("stitched", text, n, PC_FORMAT_TEXT, &err);
        if (!d) /* blank documents are refused by the loader */
            continue;
        pc_outline *o = pc_segment(d, &err);
        assert_non_null(o);
        check_invariants(o);
        pc_outline_free(o);
        pc_doc_free(d);
    }
}

/* Run the polcmp binary ($POLCMP_BIN) with args; returns its exit status, output in *out. */
static int run_polcmp(const char *args, char **out)
{
    const char *bin = getenv("POLCMP_BIN");
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "'%s' %s 2>/dev/null", bin, args);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t cap = 1 << 16, n = 0, k;
    *out = malloc(cap);
    assert_non_null(*out);
    while ((k = fread(*out + n, 1, cap - n - 1, p)) > 0)
        n += k;
    (*out)[n] = '\0';
    int st = pclose(p);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void test_cli(void **state)
{
    (void)state;
    if (!getenv("POLCMP_BIN"))
        skip();
    char *out, args[1200];
    snprintf(args, sizeof args, "segment --json '%s/segment/subsections.txt'", POLCMP_TEST_DATA);
    assert_int_equal(run_polcmp(args, &out), 0);
    json_error_t jerr;
    json_t *root = json_loads(out, 0, &jerr);
    free(out);
    assert_non_null(root);
    json_t *top = json_object_get(root, "sections");
    assert_int_equal(json_array_size(top), 2); /* 1. and 2.; 1.1 and 1.2 nest under 1. */
    json_t *general = json_array_get(top, 0);
    assert_string_equal(json_string_value(json_object_get(general, "title")), "1. General");
    json_t *kids = json_object_get(general, "sections");
    assert_int_equal(json_array_size(kids), 2);
    json_t *collect = json_array_get(kids, 1);
    assert_int_equal(json_integer_value(json_object_get(collect, "level")), 2);
    assert_int_equal(json_integer_value(json_object_get(collect, "line")), 4);
    json_t *item = json_array_get(json_object_get(collect, "clauses"), 1);
    assert_string_equal(json_string_value(json_object_get(item, "text")), "Name");
    assert_string_equal(json_string_value(json_object_get(item, "kind")), "item");
    assert_int_equal(json_integer_value(json_object_get(item, "lead")), 1);
    assert_int_equal(json_integer_value(json_object_get(item, "line")), 6);
    json_decref(root);
    assert_int_equal(run_polcmp("segment", &out), 2);
    free(out);
    assert_int_equal(run_polcmp("segment --bogus x", &out), 2);
    free(out);
    snprintf(args, sizeof args, "segment '%s/segment/chrome.txt'", POLCMP_TEST_DATA);
    assert_int_equal(run_polcmp(args, &out), 0);
    assert_non_null(strstr(out, "  - We value your privacy.\n"));
    assert_non_null(strstr(out, "(chrome: Skip to content, Menu, Bramble Books, Top,"));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbered_with_nested_list),
        cmocka_unit_test(test_subsections_and_letter_items),
        cmocka_unit_test(test_letter_run_without_lead),
        cmocka_unit_test(test_question_answer),
        cmocka_unit_test(test_markdown),
        cmocka_unit_test(test_html),
        cmocka_unit_test(test_html_item_numbers_kept),
        cmocka_unit_test(test_wrapped_short_line_is_no_heading),
        cmocka_unit_test(test_caps_headings),
        cmocka_unit_test(test_title_like_heading),
        cmocka_unit_test(test_date_line_no_heading),
        cmocka_unit_test(test_glued_headings),
        cmocka_unit_test(test_no_false_glue),
        cmocka_unit_test(test_wall_of_text),
        cmocka_unit_test(test_chrome),
        cmocka_unit_test(test_language_picker_separators),
        cmocka_unit_test(test_cookie_buttons),
        cmocka_unit_test(test_language_picker_lengths),
        cmocka_unit_test(test_empty_sections),
        cmocka_unit_test(test_cjk_text),
        cmocka_unit_test(test_long_item_split),
        cmocka_unit_test(test_nested_leads),
        cmocka_unit_test(test_only_chrome),
        cmocka_unit_test(test_stitched_documents),
        cmocka_unit_test(test_cli),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
