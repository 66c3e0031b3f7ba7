/* blocks.c: see blocks.h. */
#include "text/blocks.h"

#include <stdlib.h>
#include <string.h>

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

void pc_blocks_add(pc_blocks *b, pc_block_kind kind, int level, const char *s, size_t n,
                   unsigned line)
{
    if (b->oom)
        return;
    b->norm.flags = PC_NORM_SAME_LINES;
    b->norm.out.len = 0;
    if (pc_normalize(&b->norm, s, n) < 0) {
        b->oom = 1;
        return;
    }
    const char *t = b->norm.out.data;
    size_t len = b->norm.out.len, i = 0;
    while (i < len && is_blank(t[i]))
        i++;
    if (i == len)
        return;
    if ((b->text.len && pc_buf_addc(&b->text, '\n') < 0) ||
        pc_buf_reserve(&b->text, len - i) < 0 ||
        pc_grow(&b->blocks, &b->blocks_cap, b->nblocks + 1, sizeof *b->blocks) < 0 ||
        pc_grow(&b->lines, &b->lines_cap, b->nlines + 1, sizeof *b->lines) < 0) {
        b->oom = 1;
        return;
    }
    size_t start = b->text.len;
    int blank = 0;
    for (; i < len; i++) {
        if (is_blank(t[i])) {
            blank = 1;
            continue;
        }
        if (blank)
            b->text.data[b->text.len++] = ' ';
        blank = 0;
        b->text.data[b->text.len++] = t[i];
    }
    b->text.data[b->text.len] = '\0';
    b->blocks[b->nblocks++] = (pc_block){start, b->text.len, kind, level};
    b->lines[b->nlines++] = (pc_linemap){start, line ? line : 1};
}

void pc_blocks_page(pc_blocks *b, unsigned page)
{
    size_t at = b->text.len ? b->text.len + 1 : 0; /* the next block starts after its "\n" */
    if (b->oom)
        return;
    if (b->npages && b->pages[b->npages - 1].offset == at) {
        b->pages[b->npages - 1].page = page; /* the last page had no text */
        return;
    }
    if (pc_grow(&b->pages, &b->pages_cap, b->npages + 1, sizeof *b->pages) < 0) {
        b->oom = 1;
        return;
    }
    b->pages[b->npages++] = (pc_pagemap){at, page};
}

int pc_blocks_take(pc_blocks *b, pc_doc *doc)
{
    if (b->oom) {
        pc_blocks_free(b);
        return -1;
    }
    doc->invalid_bytes += b->norm.invalid_bytes;
    doc->controls_removed += b->norm.controls_removed;
    doc->len = b->text.len;
    doc->text = b->text.data ? pc_buf_steal(&b->text) : pc_strdup("");
    doc->blocks = b->blocks;
    doc->nblocks = b->nblocks;
    doc->lines = b->lines;
    doc->nlines = b->nlines;
    doc->pages = b->pages;
    doc->npages = b->npages;
    b->blocks = NULL;
    b->lines = NULL;
    b->pages = NULL;
    pc_blocks_free(b);
    return doc->text ? 0 : -1;
}

void pc_blocks_free(pc_blocks *b)
{
    pc_buf_free(&b->text);
    free(b->blocks);
    free(b->lines);
    free(b->pages);
    pc_norm_free(&b->norm);
    memset(b, 0, sizeof *b);
}
