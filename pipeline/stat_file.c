/* stat_file.c: statistical files in memory, read by ReadStat through
 * memory I/O handlers, and told apart by their magic bytes (stat_file.h). */
#include "stat_file.h"

#include <stdlib.h>
#include <string.h>

#define CHUNK (1 << 16)

int pp_stat_file_load(pp_stat_file *f, pp_source *src, pp_diag *diag)
{
    size_t cap = 0;
    f->data = NULL;
    f->len = 0;
    f->name = pp_source_name(src);
    for (;;) {
        if (cap - f->len < CHUNK) {
            char *grown = realloc(f->data, cap * 2 + CHUNK);
            if (grown == NULL) {
                pp_diag_set(diag, PP_ERR_NOMEM, f->name, 0,
                            "no memory left to hold the statistical file");
                return -1;
            }
            f->data = grown;
            cap = cap * 2 + CHUNK;
        }
        long got = pp_source_read(src, f->data + f->len, cap - f->len, diag);
        if (got < 0)
            return -1;
        if (got == 0)
            return 0;
        f->len += (size_t)got;
    }
}

void pp_stat_file_free(pp_stat_file *f)
{
    free(f->data);
    f->data = NULL;
    f->len = 0;
}

static const unsigned char sas_magic[32] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xc2, 0xea, 0x81, 0x60,
    0xb3, 0x14, 0x11, 0xcf, 0xbd, 0x92, 0x08, 0x00, 0x09, 0xc7, 0x31, 0x8c, 0x18, 0x1f, 0x10, 0x11,
};

int pp_stat_detect(const void *data, size_t len)
{
    const unsigned char *b = data;
    if (len >= 4 && (memcmp(b, "$FL2", 4) == 0 || memcmp(b, "$FL3", 4) == 0))
        return PP_LAYOUT_SPSS;
    if (len >= 11 && memcmp(b, "<stata_dta>", 11) == 0)
        return PP_LAYOUT_STATA;
    /* Stata 5 to 12: release byte 105..115, byte order 1 or 2, type 1, 0. */
    if (len >= 4 && b[0] >= 105 && b[0] <= 115 && (b[1] == 1 || b[1] == 2)
        && b[2] == 1 && b[3] == 0)
        return PP_LAYOUT_STATA;
    if (len >= sizeof sas_magic && memcmp(b, sas_magic, sizeof sas_magic) == 0)
        return PP_LAYOUT_SAS;
    return -1;
}

const char *pp_stat_kind_words(pp_layout layout)
{
    switch (layout) {
    case PP_LAYOUT_SPSS: return "an SPSS data file (.sav or .zsav)";
    case PP_LAYOUT_STATA: return "a Stata data file (.dta)";
    case PP_LAYOUT_SAS: return "a SAS data set (.sas7bdat)";
    default: return "a CSV export";
    }
}

/* ---- ReadStat's I/O, over the buffer ------------------------------------ */

typedef struct {
    const pp_stat_file *f;
    readstat_off_t pos;
} memory_io;

static int mem_open(const char *path, void *io_ctx)
{
    (void)path;
    ((memory_io *)io_ctx)->pos = 0;
    return 0;
}

static int mem_close(void *io_ctx)
{
    (void)io_ctx;
    return 0;
}

static readstat_off_t mem_seek(readstat_off_t offset, readstat_io_flags_t whence, void *io_ctx)
{
    memory_io *io = io_ctx;
    readstat_off_t base = whence == READSTAT_SEEK_SET ? 0
                        : whence == READSTAT_SEEK_CUR ? io->pos : (readstat_off_t)io->f->len;
    readstat_off_t to = base + offset;
    if (to < 0 || to > (readstat_off_t)io->f->len)
        return -1;
    io->pos = to;
    return to;
}

static ssize_t mem_read(void *buf, size_t nbytes, void *io_ctx)
{
    memory_io *io = io_ctx;
    size_t left = io->f->len - (size_t)io->pos;
    size_t n = nbytes < left ? nbytes : left;
    memcpy(buf, io->f->data + io->pos, n);
    io->pos += (readstat_off_t)n;
    return (ssize_t)n;
}

static readstat_error_t mem_update(long file_size, readstat_progress_handler progress,
                                   void *user_ctx, void *io_ctx)
{
    memory_io *io = io_ctx;
    if (progress == NULL || file_size <= 0)
        return READSTAT_OK;
    if (progress((double)io->pos / (double)file_size, user_ctx) != READSTAT_HANDLER_OK)
        return READSTAT_ERROR_USER_ABORT;
    return READSTAT_OK;
}

readstat_error_t pp_stat_file_parse(readstat_parser_t *parser, const pp_stat_file *f,
                                    pp_layout layout, void *user)
{
    memory_io io = {f, 0};
    readstat_set_open_handler(parser, mem_open);
    readstat_set_close_handler(parser, mem_close);
    readstat_set_seek_handler(parser, mem_seek);
    readstat_set_read_handler(parser, mem_read);
    readstat_set_update_handler(parser, mem_update);
    readstat_set_io_ctx(parser, &io);
    readstat_error_t status;
    switch (layout) {
    case PP_LAYOUT_SPSS: status = readstat_parse_sav(parser, f->name, user); break;
    case PP_LAYOUT_STATA: status = readstat_parse_dta(parser, f->name, user); break;
    case PP_LAYOUT_SAS: status = readstat_parse_sas7bdat(parser, f->name, user); break;
    default: status = READSTAT_ERROR_PARSE; break;
    }
    readstat_set_io_ctx(parser, NULL);
    return status;
}

void pp_stat_parse_failed(pp_diag *diag, const pp_stat_file *f, pp_layout layout,
                          long line, readstat_error_t error)
{
    if (error == READSTAT_ERROR_MALLOC)
        pp_diag_set(diag, PP_ERR_NOMEM, f->name, line, "no memory left to read %s",
                    pp_stat_kind_words(layout));
    else
        pp_diag_set(diag, PP_ERR_HEADER, f->name, line, "the file could not be read as %s: "
                    "it is damaged or cut short (%s)", pp_stat_kind_words(layout),
                    readstat_error_message(error));
}
