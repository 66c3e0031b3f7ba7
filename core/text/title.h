/* title.h: what a document's title says: dates that are not titles, and the company or site
 * name that makes a short label ("Privacy Policy | Airside" -> "Airside"). */
#ifndef POLCMP_TITLE_H
#define POLCMP_TITLE_H

#include <stddef.h>

/* Whether s[0..n) is a date line rather than a title: "Last updated: May 22, 2024",
 * "Effective date ...", "Revised ...", "Updated ...". */
int pc_title_is_date(const char *s, size_t n);

/* Whether s[0..n) names a privacy policy: it says "privacy", "policy", "data protection" or
 * the like in one of the languages policies come in (ASCII case ignored). A site's menu or
 * section name ("All Contracts", "Skip Navigation", "About") does not. */
int pc_title_names_policy(const char *s, size_t n);

/* The company or site name in a title: its parts (split at " | ", " - ", " – ", " — ", ": ")
 * without the words privacy, policy, notice, statement, center, home, FAQ..., the first part
 * that is left. NULL when nothing is left (or out of memory). Caller frees. */
char *pc_title_label(const char *s, size_t n);

/* A short form of a file stem for a column: leading numbers and separators dropped
 * ("01-freshbox" -> "freshbox", "opp115_1106_allstate.com" -> "allstate.com"); the stem as
 * it is when that leaves nothing. Caller frees; NULL out of memory. */
char *pc_title_stem_label(const char *stem);

#endif
