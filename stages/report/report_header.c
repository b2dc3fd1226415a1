/* report_header.c: the top of the dashboard: the survey's title, how many
 * respondents, whether duplicate ids could be checked, the rejected rows
 * and why, and links to the files behind the page. */
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

static void rejected_rows(report *r)
{
    const rejects_summary *s = r->rejects;
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

static void rejects(report *r)
{
    const rejects_summary *s = r->rejects;
    if (s == NULL) {
        raw(r, "<p>No list of rejected rows was given, so none is shown here.</p>\n");
        return;
    }
    if (s->total == 0) {
        raw(r, "<p>No rows of the export were rejected.</p>\n");
        return;
    }
    rawf(r, "<p class=\"flag\">%ld row%s of the export %s rejected and not counted:",
         s->total, s->total == 1 ? "" : "s", s->total == 1 ? "was" : "were");
    raw(r, "</p>\n<ul>\n");
    for (size_t i = 0; i < s->n_reasons; i++) {
        rawf(r, "<li>%ld: ", s->reasons[i].count);
        html(r, s->reasons[i].reason);
        raw(r, "</li>\n");
    }
    if (s->other > 0)
        rawf(r, "<li>%ld: other reasons</li>\n", s->other);
    raw(r, "</ul>\n<div class=\"scroll\"><table>\n");
    rawf(r, "<caption>The first %zu rejected row%s (the whole list is in ",
         s->n_shown, s->n_shown == 1 ? "" : "s");
    report_file_link(r, "rejects.csv", r->rejects_name);
    raw(r, ")</caption>\n");
    rejected_rows(r);
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
    rejects(r);
    files(r);
    raw(r, "</header>\n");
}
