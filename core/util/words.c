/* words.c: splitting a clause into words (words.h). */
#include "util/words.h"

#include <string.h>

/* Whether s[i] starts a word byte; the lower-cased byte in *out, its length in *adv. */
static int pc_word_byte(const char *s, size_t i, size_t len, size_t *adv, char *out)
{
    unsigned char c = (unsigned char)s[i];
    *adv = 1;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'') {
        *out = (char)c;
        return 1;
    }
    if (c >= 'A' && c <= 'Z') {
        *out = (char)(c - 'A' + 'a');
        return 1;
    }
    if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x99) { /* U+2019 right single quotation mark */
        *adv = 3;
        *out = '\'';
        return 1;
    }
    *out = (char)c;
    return c >= 0x80;
}

void pc_words_split(const char *s, size_t len, pc_words *ws)
{
    size_t i = 0;
    int stop = 0, comma = 0;
    ws->n = 0;
    while (i < len && ws->n < PC_WORDS_MAX) {
        size_t adv;
        char ch;
        if (!pc_word_byte(s, i, len, &adv, &ch)) {
            /* "example.com", "https://", "3.5" do not end anything */
            int open = i + 1 >= len || strchr(" \t\n\r\"')]", s[i + 1]) != NULL;
            if (ch == ';' || ((ch == ':' || ch == '.' || ch == '?' || ch == '!') && open))
                stop = 1;
            if (ch == ',' || ch == '(' || ch == ')')
                comma = 1;
            i += adv;
            continue;
        }
        pc_word *w = &ws->v[ws->n++];
        size_t k = 0;
        w->start = i;
        w->stop_before = stop;
        w->comma_before = comma;
        stop = comma = 0;
        while (i < len && pc_word_byte(s, i, len, &adv, &ch)) {
            if (k + 1 < PC_WORD_MAX)
                w->w[k++] = ch;
            i += adv;
        }
        w->w[k] = '\0';
        w->end = i;
    }
}

int pc_word_in(const char *w, const char *const *table, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(w, table[i]))
            return 1;
    return 0;
}

int pc_words_match_at(const pc_words *ws, size_t i, const char *p)
{
    while (*p == ' ')
        p++;
    if (!*p)
        return 1;
    size_t k = strcspn(p, " ");
    if (k == 1 && *p == '*') {
        for (size_t gap = 0; gap <= PC_PHRASE_GAP && i + gap <= ws->n; gap++)
            if (pc_words_match_at(ws, i + gap, p + 1))
                return 1;
        return 0;
    }
    if (i >= ws->n || strlen(ws->v[i].w) != k || strncmp(ws->v[i].w, p, k))
        return 0;
    return pc_words_match_at(ws, i + 1, p + k);
}

long pc_words_find(const pc_words *ws, const char *const *table, size_t n, size_t from)
{
    for (size_t i = from; i < ws->n; i++)
        for (size_t t = 0; t < n; t++)
            if (ws->v[i].w[0] == table[t][0] && pc_words_match_at(ws, i, table[t]))
                return (long)i;
    return -1;
}
