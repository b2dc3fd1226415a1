/* report_header.c: the top of the dashboard: the survey's title, how many
 * respondents, whether duplicate ids could be checked, the rejected rows
 * and why (for a panel, of each wave, and who answered one wave only), and
 * links to the files behind the page. */
#include "report.h"

static void duplicates(report *r, json_t *survey)
{
    const char *id_column = str(survey, "id_column", NULL);
    if (id_column == NULL) {
        raw(r, "<p class=\"flag\">Respondents were numbered by their row in the export "
               "(the codebook names no id column), so duplicate responses could not be "
               "detected.</p>\n");
        return;
    }
    raw(r, "<p>Respondents are identified by the column <q>");
    html(r, id_column);
    raw(r, "</q>; a repeated id was rejected, not counted twice.</p>\n");
}

static void rejected_rows(report *r, const rejects_summary *s)
{
    raw(r, "<tr><th scope=\"col\">Row</th><th scope=\"col\">Id</th><th scope=\"col\">Column</th>"
           "<th scope=\"col\">Reason</th><th scope=\"col\">Value</th>"
           "<th scope=\"col\">Expected</th></tr>\n");
    for (size_t i = 0; i < s->n_shown; i++) {
        raw(r, "<tr>");
        raw(r, "<th scope=\"row\">");
        html(r, s->shown[i][0]);
        raw(r, "</th>");
        for (size_t f = 1; f < REJECTS_FIELDS; f++)
            html_in(r, "td", NULL, s->shown[i][f]);
        raw(r, "</tr>\n");
    }
}

/* One rejects file: of the export, or of one wave of a panel ("before",
 * "after"; NULL for a one-wave survey). file is its name beside the page. */
static void rejects(report *r, const rejects_summary *s, const char *wave,
                    const char *file, const char *name)
{
    char export_name[48] = "the export", rows_of[48] = "";
    if (wave != NULL) {
        snprintf(export_name, sizeof export_name, "the %s wave's export", wave);
        snprintf(rows_of, sizeof rows_of, " of the %s wave", wave);
    }
    if (s == NULL) {
        rawf(r, "<p>No list of rejected rows%s was given, so none is shown here.</p>\n", rows_of);
        return;
    }
    if (s->total == 0) {
        rawf(r, "<p>No rows of %s were rejected.</p>\n", export_name);
        return;
    }
    rawf(r, "<p class=\"flag\">%ld row%s of %s %s rejected and not counted:",
         s->total, s->total == 1 ? "" : "s", export_name, s->total == 1 ? "was" : "were");
    raw(r, "</p>\n<ul>\n");
    for (size_t i = 0; i < s->n_reasons; i++) {
        rawf(r, "<li>%ld: ", s->reasons[i].count);
        html(r, s->reasons[i].reason);
        raw(r, "</li>\n");
    }
    if (s->other > 0)
        rawf(r, "<li>%ld: other reasons</li>\n", s->other);
    raw(r, "</ul>\n<div class=\"scroll\"><table>\n");
    rawf(r, "<caption>The first %zu rejected row%s%s (the whole list is in ",
         s->n_shown, s->n_shown == 1 ? "" : "s", rows_of);
    report_file_link(r, file, name);
    raw(r, ")</caption>\n");
    rejected_rows(r, s);
    raw(r, "</table></div>\n");
}

/* A panel's respondents found in one wave only (prepost-pair's list). */
static void unmatched(report *r)
{
    static const char *const waves[] = {"before", "after"};
    const unmatched_summary *s = r->unmatched;
    long before = s->count[UNMATCHED_BEFORE], after = s->count[UNMATCHED_AFTER];
    if (before + after == 0) {
        raw(r, "<p>Every respondent answered both waves.</p>\n");
        return;
    }
    rawf(r, "<p class=\"flag\">%ld respondent%s answered only the before wave, %ld only the "
            "after wave.</p>\n", before, before == 1 ? "" : "s", after);
    raw(r, "<div class=\"scroll\"><table>\n");
    rawf(r, "<caption>Up to the first %d of each wave (the whole list is in ", UNMATCHED_SHOWN);
    report_file_link(r, "unmatched.csv", r->unmatched_name);
    raw(r, ")</caption>\n<tr><th scope=\"col\">Id</th><th scope=\"col\">Answered only</th>"
           "<th scope=\"col\">Row of its export</th></tr>\n");
    for (int w = 0; w < UNMATCHED_WAVES; w++)
        for (size_t i = 0; i < s->n_shown[w]; i++) {
            raw(r, "<tr><th scope=\"row\">");
            html(r, s->shown[w][i].id);
            rawf(r, "</th><td>the %s wave</td>", waves[w]);
            html_in(r, "td", NULL, s->shown[w][i].row);
            raw(r, "</tr>\n");
        }
    raw(r, "</table></div>\n");
}

static void files(report *r)
{
    raw(r, "<p class=\"files\">Every figure on this page is in ");
    report_file_link(r, "results.json", "results.json");
    if (report_file_exists(r->tables_dir, "summary.csv"))
        raw(r, "; the summary table as <a href=\"tables/summary.csv\">CSV</a>");
    raw(r, ".</p>\n");
}

void report_header(report *r)
{
    json_t *survey = json_object_get(r->results, "survey");
    raw(r, "<header>\n<h1>");
    html(r, str(survey, "title", "Survey"));
    raw(r, "</h1>\n");
    rawf(r, "<p class=\"lead\">%lld respondents. Bases under %ld are flagged as too "
            "small to conclude from.", (long long)json_integer_value(json_object_get(survey, "respondents")),
         r->min_base);
    if (r->date != NULL)
        rawf(r, " Made on %s.", r->date);
    raw(r, "</p>\n");
    duplicates(r, survey);
    if (r->panel) {
        rejects(r, r->rejects, "before", "rejects.csv", r->rejects_name);
        rejects(r, r->rejects_after, "after", "rejects-after.csv", r->rejects_after_name);
        if (r->unmatched != NULL)
            unmatched(r);
    } else {
        rejects(r, r->rejects, NULL, "rejects.csv", r->rejects_name);
    }
    files(r);
    raw(r, "</header>\n");
}
