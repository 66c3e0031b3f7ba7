/* session_internal.h: what session.c and session_review.c share. Not a public API. */
#ifndef POLCMP_SESSION_INTERNAL_H
#define POLCMP_SESSION_INTERNAL_H

#include "session/session.h"

/* Tell s->note (when set) a formatted message. */
void pc_session_tell(const pc_session *s, int error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Lay policy i's relabels over its classification again (unknown ids are told, skipped). */
int pc_session_overlay(pc_session *s, size_t policy, pc_error *err);
/* Compare again, then place the decisions. */
int pc_session_recompare(pc_session *s, pc_error *err);
/* Place the decisions on the comparison again (nothing without a review file). */
int pc_session_place(pc_session *s, pc_error *err);

#endif
