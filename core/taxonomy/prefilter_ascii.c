/* prefilter_ascii.c: rules' patterns compiled for texts of ASCII bytes only (see prefilter.h,
 * pc_prefilter_code_ascii).
 *
 * The taxonomy compiles every pattern with PCRE2_UTF and PCRE2_UCP, so that \w, \b, \s and
 * \d know every script and caseless matching folds Unicode. On a text whose bytes are all
 * below 0x80 the same pattern compiled without them gives the same matches: every character
 * is one byte, so `.`, counted repetitions and look-behinds step over the same characters;
 * \w, \d, \s and \b have the same ASCII members under UCP as in PCRE2's built-in tables;
 * caseless ASCII letters fold alike, and the only non-ASCII characters that fold to ASCII
 * (U+017F, U+212A) cannot occur in the text, nor can any other character of 0x80 or more the
 * pattern names. What would differ is kept out (pc_pf_ascii_safe): non-ASCII bytes and \x or
 * \o escapes in the pattern (a \x{2019} does not even compile without UTF), Unicode properties
 * and \X, \N, \C, \R, \h and \v, POSIX classes (UCP maps [:lower:] to \p{Ll}, which caseless
 * matching leaves alone) and start-of-pattern verbs such as (*UCP). Without UTF the JIT
 * decodes no UTF-8 and tests character types by table, so the same matches cost less.
 */
#include "taxonomy/prefilter_internal.h"

#include <string.h>

int pc_pf_ascii_safe(const char *pattern)
{
    for (const char *p = pattern; *p; p++) {
        if ((unsigned char)*p >= 0x80 || (p[0] == '(' && p[1] == '*') ||
            (p[0] == '[' && p[1] == ':'))
            return 0;
        if (*p == '\\' && p[1]) {
            if (strchr("xopPXNCRhHvV", p[1]))
                return 0;
            p++;
        }
    }
    return 1;
}

pcre2_code *pc_pf_ascii_compile(const char *pattern, size_t len, uint32_t opts)
{
    int errcode;
    PCRE2_SIZE erroff;
    if (!pc_pf_ascii_safe(pattern))
        return NULL;
    pcre2_code *c = pcre2_compile((PCRE2_SPTR)pattern, len, opts & ~(PCRE2_UTF | PCRE2_UCP),
                                  &errcode, &erroff, NULL);
    if (c && pcre2_jit_compile(c, PCRE2_JIT_COMPLETE) != 0) {
        pcre2_code_free(c); /* the UTF code (JIT-compiled, or the interpreter as before) */
        c = NULL;
    }
    return c;
}
