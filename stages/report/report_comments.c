/* report_comments.c: the verbatim comments of a `text` item, every one of
 * them, with how many gave it when more than one did. */
#include "report.h"

void report_comments(report *r, json_t *item)
{
    json_t *comments = json_object_get(item, "comments"), *comment;
    size_t i;
    if (json_array_size(comments) == 0) {
        raw(r, "<p>Nobody wrote a comment.</p>\n");
        return;
    }
    rawf(r, "<p>%zu different comment%s, as written:</p>\n<ul class=\"comments\">\n",
         json_array_size(comments), json_array_size(comments) == 1 ? "" : "s");
    json_array_foreach(comments, i, comment) {
        long long count = json_integer_value(json_object_get(comment, "count"));
        raw(r, "<li><blockquote>");
        html(r, str(comment, "text", ""));
        raw(r, "</blockquote>");
        if (count > 1)
            rawf(r, " <span class=\"count\">(%lld respondents)</span>", count);
        raw(r, "</li>\n");
    }
    raw(r, "</ul>\n");
}
