/* fuzz_ingest.c: ingest of arbitrary export bytes (plain or gzip) against
 * a fixed codebook. The first input byte chooses the codebook, and so the
 * layout: plain, SurveyMonkey, Qualtrics, Google Forms, or either wave of
 * a two-wave panel; the rest is the export. Each codebook has every item
 * kind, a segment with levels and an id column, as the fixtures do, and
 * the fixtures' exports (scripts/fuzz) are the seeds. For a one-wave
 * export, the records must tally, and ingest counting them as it reads
 * (--tally) must give that tally byte for byte. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "codebook.h"
#include "fuzz_plain_survey.h"
#include "ingest.h"
#include "source.h"
#include "tally.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char plain_ini[] = FUZZ_PLAIN_SURVEY_INI;

static const char surveymonkey_ini[] =
    "[survey]\nexport = export.csv\nlayout = surveymonkey\nid = Respondent ID\n"
    "[scale rating]\nlevels = Poor | Fair | Good | Very good | Excellent\nmissing = Don't know\n"
    "[scale agree]\nlevels = Strongly disagree | Disagree | Neither agree nor disagree | Agree | Strongly agree\n"
    "[segment sector]\ncolumn = Which sector does your organisation belong to?\n"
    "levels = Public sector | Third sector\n"
    "[segment partner]\ncolumn = Which delivery partner ran your course?\n"
    "[paired awareness]\nscale = rating\n"
    "before = How would you rate your awareness of commissioning services from TSOs? / Before the programme\n"
    "after = How would you rate your awareness of commissioning services from TSOs? / After the programme\n"
    "among = sector = Public sector\n"
    "[single expectations]\nscale = agree\ncolumn = This programme met my expectations / Response\n"
    "[multi support]\ncolumns = What sort of ongoing support mechanisms would you be interested in? / Networking, events and forums"
    " | What sort of ongoing support mechanisms would you be interested in? / Masterclasses"
    " | What sort of ongoing support mechanisms would you be interested in? / Electronic material\n"
    "[text implemented]\ncolumn = Have you already implemented what was learned?\n";

static const char qualtrics_ini[] =
    "[survey]\nexport = export.csv\nlayout = qualtrics\nid = ResponseId\n"
    "[scale rating]\nlevels = Poor | Fair | Good | Very good | Excellent\nmissing = Don't know\n"
    "[scale agree]\nlevels = Strongly disagree | Disagree | Neither agree nor disagree | Agree | Strongly agree\n"
    "[segment sector]\ncolumn = Q1\nlevels = Public sector | Third sector\n"
    "[paired awareness]\nscale = rating\nbefore = Q2_1\n"
    "after = How would you rate your awareness of commissioning services from TSOs? - After the programme\n"
    "[single expectations]\nscale = agree\ncolumn = Q3\n"
    "[multi support]\ncolumn = Q4\n"
    "options = Networking, events and forums | Masterclasses | Electronic material\n"
    "[text comments]\ncolumn = Comments\n";

static const char google_ini[] =
    "[survey]\nexport = export.csv\nlayout = google\n"
    "[scale rating]\nlevels = Poor | Fair | Good | Very good | Excellent\nmissing = Don't know\n"
    "[segment sector]\ncolumn = Which sector does your organisation belong to?\n"
    "levels = Public sector | Third sector\n"
    "[paired awareness]\nscale = rating\n"
    "before = Awareness of commissioning services from TSOs [Before the programme]\n"
    "after = Awareness of commissioning services from TSOs [After the programme]\n"
    "[multi support]\ncolumn = What sort of ongoing support mechanisms would you be interested in?\n"
    "options = Networking, events and forums | Masterclasses | Electronic material\n"
    "[text comments]\ncolumn = Comments\n";

static const char panel_ini[] =
    "[survey]\nbefore_export = before.csv\nafter_export = after.csv\nlayout = plain\n"
    "id = Respondent ID\n"
    "[scale rating]\nlevels = Poor | Fair | Good | Very good | Excellent\nmissing = Don't know\n"
    "[scale agree]\nlevels = Strongly disagree | Disagree | Neither agree nor disagree | Agree | Strongly agree\n"
    "[segment sector]\ncolumn = Sector\nlevels = Public sector | Third sector\n"
    "[segment role]\ncolumn = Role\nwave = before\n"
    "[paired awareness]\nscale = rating\nbefore = Awareness\nafter = Awareness\n"
    "[single expectations]\nscale = agree\ncolumn = The programme met my expectations\nwave = after\n"
    "[multi support]\ncolumns = Support: Networking | Support: Masterclasses\n"
    "options = Networking | Masterclasses\nwave = after\n"
    "[text comments]\ncolumn = Comments\nwave = after\n";

/* The first byte, modulo the count, picks one of these (scripts/fuzz
 * writes the seeds with the same numbers). */
static const struct {
    const char *ini;
    size_t len;
    pp_wave wave;
} choices[] = {
    {plain_ini, sizeof plain_ini - 1, PP_WAVE_BOTH},
    {surveymonkey_ini, sizeof surveymonkey_ini - 1, PP_WAVE_BOTH},
    {qualtrics_ini, sizeof qualtrics_ini - 1, PP_WAVE_BOTH},
    {google_ini, sizeof google_ini - 1, PP_WAVE_BOTH},
    {panel_ini, sizeof panel_ini - 1, PP_WAVE_BEFORE},
    {panel_ini, sizeof panel_ini - 1, PP_WAVE_AFTER},
};

/* A tally's bytes, in a malloc'd buffer (NULL on failure). */
static char *tally_bytes(pp_tally *t, size_t *len)
{
    char *text = NULL;
    FILE *out = open_memstream(&text, len);
    if (out == NULL)
        return NULL;
    int failed = pp_tally_write(t, out) != 0;
    if (fclose(out) != 0 || failed) {
        free(text);
        return NULL;
    }
    return text;
}

/* The same export ingested again, counted as it is read. */
static pp_tally *counted_as_read(const pp_codebook *cb, const uint8_t *data, size_t size)
{
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_tally *t = pp_tally_new();
    pp_source *src = pp_source_from_buffer(data, size, "fuzz.csv");
    pp_ingest_outputs out = {.tally = t};
    if (t != NULL && src != NULL
        && pp_ingest_into(cb, PP_WAVE_BOTH, src, 0, NULL, &out, NULL, &diag) != PP_OK) {
        pp_diag_print(&diag, "fuzz_ingest: ingest --tally failed where ingest did not", stderr);
        abort();
    }
    pp_source_free(src);
    return t;
}

/* What ingest writes, tally must read: every kept respondent, no error;
 * and the tally is the one ingest --tally counts. */
static void check_tally(const pp_codebook *cb, const char *records, size_t len, long kept,
                        const uint8_t *data, size_t size)
{
    pp_diag diag;
    pp_diag_clear(&diag);
    long respondents = -1;
    pp_tally *t = pp_tally_new();
    pp_source *src = pp_source_from_buffer(records, len, "fuzz.records");
    if (t != NULL && src != NULL) {
        if (pp_tally_records(t, cb, src, &respondents, &diag) != PP_OK) {
            pp_diag_print(&diag, "fuzz_ingest: tally of the ingested records", stderr);
            abort();
        }
        if (respondents != kept) {
            fprintf(stderr, "fuzz_ingest: %ld records kept but %ld tallied\n", kept, respondents);
            abort();
        }
        pp_tally *direct = counted_as_read(cb, data, size);
        size_t a_len = 0, b_len = 0;
        char *a = tally_bytes(t, &a_len);
        char *b = direct ? tally_bytes(direct, &b_len) : NULL;
        if (a != NULL && b != NULL && (a_len != b_len || memcmp(a, b, a_len) != 0)) {
            fprintf(stderr, "fuzz_ingest: ingest --tally counted another tally than "
                            "tally of the records:\n%.*s\n---\n%.*s\n", (int)a_len, a,
                    (int)b_len, b);
            abort();
        }
        free(a);
        free(b);
        pp_tally_free(direct);
    }
    pp_source_free(src);
    pp_tally_free(t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t pick = data[0] % (sizeof choices / sizeof choices[0]);
    pp_diag diag;
    pp_diag_clear(&diag);
    pp_codebook *cb = pp_codebook_read_buffer(choices[pick].ini, choices[pick].len,
                                              "fuzz.ini", &diag);
    if (cb == NULL) {
        pp_diag_print(&diag, "fuzz_ingest", stderr);
        abort();   /* the fixed codebooks are valid */
    }
    pp_source *src = pp_source_from_buffer(data + 1, size - 1, "fuzz.csv");
    char *records = NULL, *rejects = NULL;
    size_t records_len = 0, rejects_len = 0;
    FILE *records_out = open_memstream(&records, &records_len);
    FILE *rejects_out = open_memstream(&rejects, &rejects_len);
    if (src != NULL && records_out != NULL && rejects_out != NULL) {
        pp_ingest_summary summary;
        memset(&summary, 0, sizeof summary);
        pp_diag_clear(&diag);
        if (pp_ingest(cb, choices[pick].wave, src, records_out, rejects_out,
                      &summary, &diag) == PP_OK) {
            if (summary.rows != summary.kept + summary.rejected) {
                fprintf(stderr, "fuzz_ingest: %ld rows read but %ld kept and %ld rejected\n",
                        summary.rows, summary.kept, summary.rejected);
                abort();
            }
            if (choices[pick].wave == PP_WAVE_BOTH && fflush(records_out) == 0)
                check_tally(cb, records, records_len, summary.kept, data + 1, size - 1);
        }
    }
    if (records_out != NULL)
        fclose(records_out);
    if (rejects_out != NULL)
        fclose(rejects_out);
    free(records);
    free(rejects);
    pp_source_free(src);
    pp_codebook_free(cb);
    return 0;
}
