/* blocks.h: building a pc_doc's text from blocks, for the readers that get their structure
 * from the file (PDF, DOCX, ODT). Each block is normalized (normalize.h, on one line), its
 * blanks collapsed, and appended as one line with its kind and level; empty blocks vanish.
 */
#ifndef POLCMP_BLOCKS_H
#define POLCMP_BLOCKS_H

#include "text/load.h"
#include "text/normalize.h"
#include "util/util.h"

/* pc_blocks: a document under construction. Owns every array; zero-initialise, add blocks,
 * then pc_blocks_take() (or pc_blocks_free()). */
typedef struct pc_blocks {
    pc_buf text;
    pc_block *blocks;
    size_t nblocks, blocks_cap;
    pc_linemap *lines;
    size_t nlines, lines_cap;
    pc_pagemap *pages;
    size_t npages, pages_cap;
    pc_norm norm; /* scratch; its counters accumulate */
    int oom;
} pc_blocks;

/* Append s[0..n) as a block of `kind` and `level` from source line (or PDF page) `line`. */
void pc_blocks_add(pc_blocks *b, pc_block_kind kind, int level, const char *s, size_t n,
                   unsigned line);
/* Record that the text from here on is on PDF page `page`. */
void pc_blocks_page(pc_blocks *b, unsigned page);
/* Move the text, blocks, lines and pages into doc (its counters added). 0, or -1 out of
 * memory (b is freed either way). */
int pc_blocks_take(pc_blocks *b, pc_doc *doc);
void pc_blocks_free(pc_blocks *b);

#endif
