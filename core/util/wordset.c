/* wordset.c: see wordset.h. */
#include "util/wordset.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

static pthread_mutex_t pc_wordset_lock = PTHREAD_MUTEX_INITIALIZER;

static unsigned char pc_ws_byte(const pc_wordset *set, unsigned char c)
{
    return set->fold && c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* A word's first slot: its filter bit (pc_wordset_key: length, first and last byte, so case
 * folded), which the lookup has at hand; words sharing it take the next free slots. */
static size_t pc_ws_slot(unsigned key)
{
    return key & (PC_WORDSET_SLOTS - 1);
}

static bool pc_ws_equal(const pc_wordset *set, size_t k, const char *s, size_t len)
{
    if (set->len[k] != len)
        return false;
    const char *w = set->words[k];
    for (size_t i = 0; i < len; i++)
        if (pc_ws_byte(set, (unsigned char)s[i]) != pc_ws_byte(set, (unsigned char)w[i]))
            return false;
    return true;
}

static void pc_ws_build(pc_wordset *set)
{
    memset(set->slot, 0, sizeof set->slot);
    memset(set->keys, 0, sizeof set->keys);
    for (size_t k = 0; k < set->n; k++) {
        size_t n = strlen(set->words[k]);
        set->len[k] = (unsigned char)(n < 255 ? n : 255);
        unsigned key = pc_wordset_key(set->words[k], n);
        set->keys[key >> 6] |= 1ull << (key & 63);
        size_t h = pc_ws_slot(key);
        while (set->slot[h] && !pc_ws_equal(set, set->slot[h] - 1u, set->words[k], n))
            h = (h + 1) & (PC_WORDSET_SLOTS - 1);
        set->slot[h] = (unsigned char)(k + 1);
    }
}

bool pc_wordset_probe(pc_wordset *set, const char *s, size_t len)
{
    if (!atomic_load_explicit(&set->ready, memory_order_acquire)) {
        pthread_mutex_lock(&pc_wordset_lock);
        if (!atomic_load_explicit(&set->ready, memory_order_relaxed)) {
            pc_ws_build(set);
            atomic_store_explicit(&set->ready, 1, memory_order_release);
        }
        pthread_mutex_unlock(&pc_wordset_lock);
    }
    unsigned key = pc_wordset_key(s, len);
    if (len >= 255 || !((set->keys[key >> 6] >> (key & 63)) & 1))
        return false;
    for (size_t h = pc_ws_slot(key); set->slot[h]; h = (h + 1) & (PC_WORDSET_SLOTS - 1))
        if (pc_ws_equal(set, set->slot[h] - 1u, s, len))
            return true;
    return false;
}
