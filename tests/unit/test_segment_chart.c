/* test_segment_chart.c: the charts by segment: their file names
 * (pp_segment_chart_name), which levels they draw (pp_segment_chart_levels),
 * each level's group heading with its own base and flag (plot_groups_build)
 * and bars (plot_rows_read), in the whole sample chart's order
 * (plot_rows_items, plot_rows_arrange). */
#include <stdlib.h>
#include <string.h>

#include "chart_name.h"
#include "cunit_main.h"
#include "plot_chart.h"
#include "plot_data.h"
#include "plot_groups.h"
#include "plot_rows.h"
#include "results_read.h"
#include "segment_chart.h"

static void test_name(void)
{
    char buf[64];
    CU_ASSERT_EQUAL(pp_segment_chart_name(buf, sizeof buf, "awareness", "sector"), 0);
    CU_ASSERT_STRING_EQUAL(buf, "awareness.by-sector");
    CU_ASSERT_EQUAL(pp_segment_chart_name(buf, sizeof buf, "works_public", "public_type"), 0);
    CU_ASSERT_STRING_EQUAL(buf, "works_public.by-public_type");
    CU_ASSERT_EQUAL(pp_segment_chart_name(buf, 10, "awareness", "sector"), -1);
    CU_ASSERT_STRING_EQUAL(buf, "");
}

/* Chart and segment names are letters, digits, '_' and '-': names that
 * look alike (a chart named like another's file, "by-" inside a name)
 * still give distinct files, none of them a chart's own. */
static void test_names_never_collide(void)
{
    static const char *const charts[] = {"a", "a-by", "by-a", "a_by-b", "b", "a-b", "by"};
    static const char *const segments[] = {"b", "a", "by-b", "b-by", "by", "a_b"};
    enum { C = sizeof charts / sizeof *charts, S = sizeof segments / sizeof *segments };
    char names[C * (S + 1)][64];
    size_t n = 0;
    for (size_t c = 0; c < C; c++) {
        snprintf(names[n++], sizeof names[0], "%s", charts[c]);
        for (size_t s = 0; s < S; s++)
            CU_ASSERT_EQUAL(pp_segment_chart_name(names[n++], sizeof names[0], charts[c],
                                                  segments[s]), 0);
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            CU_ASSERT(strcmp(names[i], names[j]) != 0);
}

static const char codebook_text[] =
    "[survey]\nexport = x.csv\nmin_base = 50\n"
    "[scale r]\nlevels = Poor | Fair | Good\nmissing = Don't know\n"
    "[segment sector]\ncolumn = Sector\nlevels = Public | Third | Nobody\n"
    "[segment region]\ncolumn = Region\n"
    "[segment empty]\ncolumn = Empty\n"
    "[paired asked]\nscale = r\nbefore = B\nafter = A\n"
    "[paired public_only]\nscale = r\nbefore = B2\nafter = A2\namong = sector = Public\n"
    "[single one]\nscale = r\ncolumn = S1\nbattery = two\n"
    "[single other]\nscale = r\ncolumn = S2\nbattery = two\n";

/* A paired result: base, then answered and shares of each side. */
#define PAIRED(seg, lvl, base, n_b, pct_b, n_a, pct_a)                                   \
    "{\"segment\": " seg ", \"level\": " lvl ", \"base\": " #base ", \"small_base\": "   \
    "false, \"answered_before\": " #n_b ", \"answered_pct_before\": " pct_b ", "          \
    "\"missing_before\": {\"Don't know\": 0}, \"answered_after\": " #n_a ", "             \
    "\"answered_pct_after\": " pct_a ", \"missing_after\": {\"Don't know\": 0}}"
#define SINGLE(seg, lvl, base, small, counts)                                             \
    "{\"segment\": " seg ", \"level\": " lvl ", \"base\": " #base ", \"small_base\": "   \
    #small ", \"counts\": " counts ", \"missing_counts\": [0]}"

static const char results_text[] =
    "{\"segments\": [{\"name\": \"sector\", \"levels\": [{\"level\": \"Other\"}, "
    "{\"level\": \"Public\"}, {\"level\": \"Third\"}]}, {\"name\": \"region\", \"levels\": [{\"level\": \"North\"}, "
    "{\"level\": \"South\"}]}],\n \"items\": [\n"
    "{\"id\": \"asked\", \"kind\": \"paired\", \"among\": null, \"results\": ["
    PAIRED("null", "null", 250, 250, "[10, 30, 60]", 250, "[0, 20, 80]") ", "
    PAIRED("\"sector\"", "\"Public\"", 217, 217, "[20, 40, 40]", 217, "[0, 50, 50]") ", "
    PAIRED("\"sector\"", "\"Third\"", 33, 33, "[0, 0, 100]", 32, "[0, 0, 100]") ", "
    PAIRED("\"region\"", "\"South\"", 12, 12, "[50, 50, 0]", 12, "[0, 50, 50]") "]},\n"
    "{\"id\": \"public_only\", \"kind\": \"paired\", \"among\": {\"segment\": \"sector\", "
    "\"level\": \"Public\"}, \"results\": ["
    PAIRED("null", "null", 217, 217, "[20, 40, 40]", 217, "[0, 50, 50]") ", "
    PAIRED("\"sector\"", "\"Public\"", 217, 217, "[20, 40, 40]", 217, "[0, 50, 50]") ", "
    PAIRED("\"region\"", "\"North\"", 200, 200, "[20, 40, 40]", 200, "[0, 50, 50]") "]},\n"
    "{\"id\": \"one\", \"kind\": \"single\", \"among\": null, \"results\": ["
    SINGLE("null", "null", 250, false, "[50, 100, 100]") ", "
    SINGLE("\"sector\"", "\"Third\"", 30, true, "[30, 0, 0]") "]},\n"
    "{\"id\": \"other\", \"kind\": \"single\", \"among\": null, \"results\": ["
    SINGLE("null", "null", 240, false, "[0, 40, 200]") ", "
    SINGLE("\"sector\"", "\"Third\"", 20, true, "[0, 0, 20]") "]}\n]}";

static pp_codebook *cb;
static json_t *results;
static plot_charts charts;

static int setup(void)
{
    pp_diag diag;
    pp_diag_clear(&diag);
    json_error_t error;
    cb = pp_codebook_read_buffer(codebook_text, strlen(codebook_text), "survey.ini", &diag);
    results = json_loads(results_text, 0, &error);
    if (results == NULL)
        fprintf(stderr, "results_text, line %d: %s\n", error.line, error.text);
    if (cb == NULL || results == NULL || plot_charts_build(&charts, cb, &diag) != PP_OK)
        return 1;
    return 0;
}

static int teardown(void)
{
    plot_charts_free(&charts);
    json_decref(results);
    pp_codebook_free(cb);
    return 0;
}

/* The chart's items of results.json, as the report has them. */
static json_t *items_of(const char *const *ids, size_t n)
{
    json_t *items = json_array();
    for (size_t i = 0; i < n; i++)
        json_array_append(items, pp_results_item(results, ids[i]));
    return items;
}

static void check_levels(const pp_segment *seg, const char *id, const char *want)
{
    const char *ids[] = {id};
    json_t *items = items_of(ids, 1);
    const char **levels = NULL;
    char got[256] = "";
    long n = pp_segment_chart_levels(seg, results, items, &levels);
    CU_ASSERT_FATAL(n >= 0);
    for (long i = 0; i < n; i++) {
        strcat(got, i ? "|" : "");
        strcat(got, levels[i]);
    }
    CU_ASSERT_STRING_EQUAL(got, want);
    free(levels);
    json_decref(items);
}

static void test_levels(void)
{
    const pp_segment *sector = &cb->segments[0], *region = &cb->segments[1];
    /* asked of everyone: every level of the codebook in its order, Nobody
     * with n = 0, then those only results.json lists (Other, which the
     * codebook does not; region lists none itself) */
    check_levels(sector, "asked", "Public|Third|Nobody|Other");
    check_levels(region, "asked", "North|South");
    /* asked of the public sector only: the levels it has results in */
    check_levels(sector, "public_only", "Public");
    check_levels(region, "public_only", "North");
    check_levels(&cb->segments[2], "asked", "");
}

static void test_result(void)
{
    json_t *asked = pp_results_item(results, "asked");
    json_t *third = pp_segment_result(asked, "sector", "Third");
    CU_ASSERT_EQUAL(json_integer_value(json_object_get(third, "base")), 33);
    CU_ASSERT_PTR_NULL(pp_segment_result(asked, "sector", "Nobody"));
    CU_ASSERT_PTR_NULL(pp_segment_result(asked, "region", "Third"));
    CU_ASSERT_PTR_EQUAL(pp_segment_result(asked, NULL, NULL), pp_results_whole_sample(asked));
}

static const plot_chart *chart_named(const char *name)
{
    for (size_t i = 0; i < charts.count; i++)
        if (strcmp(charts.charts[i].name, name) == 0)
            return &charts.charts[i];
    return NULL;
}

/* Each level's heading: its own base and flag; a level without a result
 * counts 0 and is flagged; the subtitle names the segment. */
static void test_groups(void)
{
    pp_diag diag;
    pp_diag_clear(&diag);
    plot_figure figure = {chart_named("asked"), &cb->segments[0], "asked.by-sector"};
    plot_groups groups;
    CU_ASSERT_PTR_NOT_NULL_FATAL(figure.chart);
    CU_ASSERT_EQUAL_FATAL(plot_groups_build(&groups, &figure, cb, results, "r.json", &diag), PP_OK);
    CU_ASSERT_EQUAL_FATAL(groups.count, 4);
    CU_ASSERT(groups.headed);
    CU_ASSERT_STRING_EQUAL(groups.base, "By sector");
    CU_ASSERT_STRING_EQUAL(groups.groups[0].slot.level, "Public");
    CU_ASSERT_STRING_EQUAL(groups.groups[0].base, "n = 217 pairs");
    CU_ASSERT_STRING_EQUAL(groups.groups[0].flag, "");
    CU_ASSERT_STRING_EQUAL(groups.groups[1].base, "n = 33 pairs");
    CU_ASSERT_STRING_EQUAL(groups.groups[1].flag, "base under 50: too small to conclude from");
    CU_ASSERT_STRING_EQUAL(groups.groups[2].slot.level, "Nobody");
    CU_ASSERT_STRING_EQUAL(groups.groups[2].base, "n = 0 pairs");
    CU_ASSERT_STRING_NOT_EQUAL(groups.groups[2].flag, "");
    CU_ASSERT_STRING_EQUAL(groups.groups[3].slot.level, "Other");
    CU_ASSERT_STRING_EQUAL(groups.groups[3].base, "n = 0 pairs");
    plot_groups_free(&groups);

    figure = (plot_figure){chart_named("asked"), NULL, "asked"};
    CU_ASSERT_EQUAL_FATAL(plot_groups_build(&groups, &figure, cb, results, "r.json", &diag), PP_OK);
    CU_ASSERT_EQUAL(groups.count, 1);
    CU_ASSERT(!groups.headed);
    CU_ASSERT_STRING_EQUAL(groups.base, "n = 250 pairs");
    plot_groups_free(&groups);

    /* a battery: the base over its items in the level */
    figure = (plot_figure){chart_named("two"), &cb->segments[0], "two.by-sector"};
    CU_ASSERT_EQUAL_FATAL(plot_groups_build(&groups, &figure, cb, results, "r.json", &diag), PP_OK);
    CU_ASSERT_STRING_EQUAL(groups.groups[1].base, "n = 20 to 30");
    plot_groups_free(&groups);

    /* asked of one level: only the levels with results */
    figure = (plot_figure){chart_named("public_only"), &cb->segments[0], "x"};
    CU_ASSERT_EQUAL_FATAL(plot_groups_build(&groups, &figure, cb, results, "r.json", &diag), PP_OK);
    CU_ASSERT_EQUAL(groups.count, 1);
    plot_groups_free(&groups);

    /* no level at all (nobody answered the segment): said in the subtitle */
    figure = (plot_figure){chart_named("asked"), &cb->segments[2], "x"};
    CU_ASSERT_EQUAL_FATAL(plot_groups_build(&groups, &figure, cb, results, "r.json", &diag), PP_OK);
    CU_ASSERT_EQUAL(groups.count, 0);
    CU_ASSERT_STRING_EQUAL(groups.base, "By empty: nobody is in any of its levels");
    plot_groups_free(&groups);
}

/* A level's bars are its own shares; a level without a result has empty
 * bars and n = 0. */
static void test_rows(void)
{
    pp_diag diag;
    pp_diag_clear(&diag);
    plot_rows rows;
    plot_slot third = {"sector", "Third"}, nobody = {"sector", "Nobody"};
    const plot_chart *chart = chart_named("asked");
    CU_ASSERT_EQUAL_FATAL(plot_rows_read(&rows, chart, results, &third, "r.json", &diag), PP_OK);
    CU_ASSERT_EQUAL_FATAL(rows.count, 2);
    CU_ASSERT_EQUAL(rows.rows[0].side, PLOT_SIDE_BEFORE);
    CU_ASSERT_EQUAL(rows.rows[0].n, 33);
    CU_ASSERT_EQUAL(rows.rows[1].n, 32);
    CU_ASSERT_DOUBLE_EQUAL(rows.rows[0].share[2], 100, 1e-9);
    plot_rows_free(&rows);
    CU_ASSERT_EQUAL_FATAL(plot_rows_read(&rows, chart, results, &nobody, "r.json", &diag), PP_OK);
    CU_ASSERT_EQUAL_FATAL(rows.count, 2);
    for (size_t i = 0; i < 2; i++) {
        CU_ASSERT_EQUAL(rows.rows[i].n, 0);
        for (size_t k = 0; k < 4; k++)
            CU_ASSERT_DOUBLE_EQUAL(rows.rows[i].share[k], 0, 1e-12);
    }
    plot_rows_free(&rows);
    chart = chart_named("two");
    CU_ASSERT_EQUAL_FATAL(plot_rows_read(&rows, chart, results, &third, "r.json", &diag), PP_OK);
    CU_ASSERT_EQUAL(rows.rows[0].n, 30);
    CU_ASSERT_DOUBLE_EQUAL(rows.rows[0].share[0], 100, 1e-9);
    plot_rows_free(&rows);
}

/* The whole sample's order is kept for every level: "other" (net +80)
 * sorts before "one" (net +20) in the whole sample, and stays before it
 * in the third sector, where "one" is all Poor and "other" all Good. */
static void test_order(void)
{
    pp_diag diag;
    pp_diag_clear(&diag);
    plot_rows whole, third;
    plot_slot all = {NULL, NULL}, level = {"sector", "Third"};
    const plot_chart *chart = chart_named("two");
    size_t order[2];
    CU_ASSERT_EQUAL_FATAL(plot_rows_read(&whole, chart, results, &all, "r.json", &diag), PP_OK);
    plot_rows_sort(&whole, chart->scale, plot_centre(chart->scale));
    plot_rows_items(&whole, order, 2);
    CU_ASSERT_EQUAL(order[0], 1);
    CU_ASSERT_EQUAL(order[1], 0);
    CU_ASSERT_EQUAL_FATAL(plot_rows_read(&third, chart, results, &level, "r.json", &diag), PP_OK);
    CU_ASSERT_EQUAL(plot_rows_arrange(&third, order, 2), 0);
    CU_ASSERT_EQUAL(third.rows[0].item, 1);
    CU_ASSERT_EQUAL(third.rows[1].item, 0);
    size_t short_order[1] = {0};         /* misses an item: left as it was */
    CU_ASSERT_EQUAL(plot_rows_arrange(&third, short_order, 1), -1);
    CU_ASSERT_EQUAL(third.rows[0].item, 1);
    plot_rows_free(&whole);
    plot_rows_free(&third);
}

/* The base under a chart: "1 pair", not "1 pairs"; a range; no unit. */
static void test_base_text(void)
{
    static const struct { long min, max; const char *one, *many, *expected; } cases[] = {
        {1, 1, "pair", "pairs", "n = 1 pair"},
        {0, 0, "pair", "pairs", "n = 0 pairs"},
        {212, 212, "pair", "pairs", "n = 212 pairs"},
        {1, 3, "pair", "pairs", "n = 1 to 3 pairs"},
        {1, 1, NULL, NULL, "n = 1"},
        {31, 35, NULL, NULL, "n = 31 to 35"},
    };
    char buf[64];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        plot_base_text(buf, sizeof buf, cases[i].min, cases[i].max, cases[i].one, cases[i].many);
        CU_ASSERT_STRING_EQUAL(buf, cases[i].expected);
    }
}

/* Paired bars stay together, before above after. */
static void test_arrange_pairs(void)
{
    plot_row r[5] = {{0, PLOT_SIDE_BEFORE, 1, NULL}, {0, PLOT_SIDE_AFTER, 2, NULL},
                     {1, PLOT_SIDE_ONE, 3, NULL}, {2, PLOT_SIDE_BEFORE, 4, NULL},
                     {2, PLOT_SIDE_AFTER, 5, NULL}};
    plot_rows rows = {r, 5};
    size_t order[3] = {2, 1, 0}, got[3];
    CU_ASSERT_EQUAL_FATAL(plot_rows_arrange(&rows, order, 3), 0);
    static const long want_n[5] = {4, 5, 3, 1, 2};
    for (size_t i = 0; i < 5; i++)
        CU_ASSERT_EQUAL(rows.rows[i].n, want_n[i]);
    plot_rows_items(&rows, got, 3);
    CU_ASSERT(memcmp(got, order, sizeof order) == 0);
}

/* A battery's bars are named by their words after the shared question,
 * capitalised, the same for the chart's labels (plot_chart_titles) and the
 * dashboard's alt text (pp_battery_labels); without a shared question, by
 * their whole titles. */
static void test_battery_labels(void)
{
    static const char *const parts[] = {"Rate each part: the first part",
                                        "Rate each part: the second part"};
    static const char *const apart[] = {"awareness", "Understanding"};
    char **labels = pp_battery_labels(parts, 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(labels);
    CU_ASSERT_STRING_EQUAL(labels[0], "The first part");
    CU_ASSERT_STRING_EQUAL(labels[1], "The second part");
    CU_ASSERT_PTR_NULL(labels[2]);
    pp_battery_labels_free(labels);
    labels = pp_battery_labels(apart, 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(labels);
    CU_ASSERT_STRING_EQUAL(labels[0], "Awareness");
    CU_ASSERT_STRING_EQUAL(labels[1], "Understanding");
    pp_battery_labels_free(labels);

    const plot_chart *two = chart_named("two");
    const char *titles[2] = {two->items[0]->title, two->items[1]->title};
    labels = pp_battery_labels(titles, 2);
    CU_ASSERT_PTR_NOT_NULL_FATAL(labels);
    CU_ASSERT_STRING_EQUAL(labels[0], two->labels[0]);
    CU_ASSERT_STRING_EQUAL(labels[1], two->labels[1]);
    pp_battery_labels_free(labels);
}

CU_ErrorCode add_suites(void)
{
    static CU_TestInfo tests[] = {
        {"file names", test_name},
        {"file names never collide", test_names_never_collide},
        {"a level's result", test_result},
        {"levels drawn", test_levels},
        {"group headings", test_groups},
        {"a level's bars", test_rows},
        {"the whole sample's order", test_order},
        {"paired bars stay together", test_arrange_pairs},
        {"bases say pair or pairs", test_base_text},
        {"a battery's bars are named alike everywhere", test_battery_labels},
        CU_TEST_INFO_NULL,
    };
    CU_SuiteInfo suites[] = {
        {"segment_chart", setup, teardown, NULL, NULL, tests},
        CU_SUITE_INFO_NULL,
    };
    return CU_register_suites(suites);
}
