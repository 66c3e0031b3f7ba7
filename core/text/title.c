/* title.c: see title.h. */
#include "text/title.h"

#include "util/util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int pc_title_is_date(const char *s, size_t n)
{
    static const char *const starts[] = {"last updated", "last modified", "last revised",
                                         "updated", "revised", "effective", "date of last",
                                         "version date", "as of ", NULL};
    while (n && (*s == ' ' || *s == '*' || *s == '_')) {
        s++;
        n--;
    }
    for (const char *const *p = starts; *p; p++) {
        size_t k = strlen(*p);
        if (n >= k && strncasecmp(s, *p, k) == 0)
            return 1;
    }
    return 0;
}

/* Does s[0..n) hold `word` (lowercase ASCII or UTF-8), ASCII case ignored? */
static int holds_word(const char *s, size_t n, const char *word)
{
    size_t k = strlen(word);
    for (size_t i = 0; i + k <= n; i++)
        if (strncasecmp(s + i, word, k) == 0)
            return 1;
    return 0;
}

int pc_title_names_policy(const char *s, size_t n)
{
    static const char *const words[] = {
        "privacy", "policy", "policies", "data protection", "datenschutz", "confidentialit",
        "privacidad", "privacidade", "riservatezza", "privacybeleid",
        "\xe9\x9a\x90\xe7\xa7\x81",                         /* U+9690 U+79C1 (zh-Hans) */
        "\xe9\x9a\xb1\xe7\xa7\x81",                         /* U+96B1 U+79C1 (zh-Hant) */
        "\xe3\x83\x97\xe3\x83\xa9\xe3\x82\xa4\xe3\x83\x90", /* U+30D7 U+30E9 U+30A4 U+30D0 (ja) */
        "\xea\xb0\x9c\xec\x9d\xb8\xec\xa0\x95\xeb\xb3\xb4", /* U+AC1C U+C778 U+C815 U+BCF4 (ko) */
        NULL};
    for (const char *const *w = words; *w; w++)
        if (holds_word(s, n, *w))
            return 1;
    return 0;
}

/* Words a label does without. */
static int filler_word(const char *w, size_t n)
{
    static const char *const words[] = {"privacy", "policy", "policies", "notice", "statement",
                                        "center", "centre", "home", "faq", "legal", "our",
                                        "the", "cookie", "cookies", "and", "data", "protection",
                                        "page", "terms", "of", "use", "information", "&", NULL};
    for (const char *const *p = words; *p; p++)
        if (strlen(*p) == n && strncasecmp(w, *p, n) == 0)
            return 1;
    return 0;
}

/* The part's words that are not filler, into b; returns whether any. */
static int part_label(pc_buf *b, const char *s, size_t n)
{
    size_t i = 0;
    b->len = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        if (j > i && !filler_word(s + i, j - i)) {
            if (b->len)
                pc_buf_addc(b, ' ');
            pc_buf_add(b, s + i, j - i);
        }
        i = j;
    }
    return b->len > 0;
}

/* Length of a separator at s (" | ", " - ", " – ", " — ", ": ", " · "), or 0. */
static size_t separator(const char *s, size_t n)
{
    static const char *const seps[] = {" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", ": ",
                                       " \xc2\xb7 ", " :: ", NULL};
    for (const char *const *p = seps; *p; p++) {
        size_t k = strlen(*p);
        if (n >= k && memcmp(s, *p, k) == 0)
            return k;
    }
    return 0;
}

char *pc_title_label(const char *s, size_t n)
{
    pc_buf b = {0};
    size_t start = 0;
    for (size_t i = 0; i <= n; i++) {
        size_t k = i < n ? separator(s + i, n - i) : 1;
        if (!k)
            continue;
        if (part_label(&b, s + start, i - start) && b.len <= 40)
            return pc_buf_steal(&b);
        start = i + k;
        i = start - 1;
    }
    pc_buf_free(&b);
    return NULL;
}

char *pc_title_stem_label(const char *stem)
{
    const char *p = stem, *last = stem;
    /* drop leading runs of digits, hex ids and separators */
    for (;;) {
        const char *q = p;
        int digits = 0;
        while (isalnum((unsigned char)*q))
            digits += isdigit((unsigned char)*q++) != 0;
        if ((*q == '_' || *q == '-') && digits > 0 && q[1]) {
            last = q + 1;
            p = q + 1;
            continue;
        }
        break;
    }
    return pc_strdup(*last ? last : stem);
}
