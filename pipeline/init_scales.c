/* init_scales.c: the common answer scales and missing answers (init_scales.h). */
#include "init_scales.h"

#include <string.h>

#include "label.h"

static const pp_known_scale known[] = {
    {"rating", {"Poor", "Fair", "Good", "Very good", "Excellent"},
     "Very good | Excellent", "Poor", NULL},
    {"goodness", {"Very poor", "Poor", "Neither good nor poor", "Good", "Very good"},
     "Good | Very good", "Very poor | Poor", NULL},
    {"agree", {"Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree",
               "Strongly agree"}, "Agree | Strongly agree", "Strongly disagree | Disagree", NULL},
    {"agree", {"Strongly disagree", "Disagree", "No opinion", "Agree", "Strongly agree"},
     "Agree | Strongly agree", "Strongly disagree | Disagree", NULL},
    {"agree", {"Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"},
     "Agree | Strongly agree", "Strongly disagree | Disagree", NULL},
    {"satisfied", {"Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied",
                   "Satisfied", "Very satisfied"}, "Satisfied | Very satisfied",
     "Very dissatisfied | Dissatisfied", NULL},
    {"successful", {"Very unsuccessful", "Unsuccessful", "Neither successful nor unsuccessful",
                    "Successful", "Very successful"}, "Successful | Very successful",
     "Very unsuccessful | Unsuccessful", NULL},
    {"yesno", {"No", "Yes"}, "Yes", "No", NULL},
};

static const char *const missing[] = {
    "Don't know", "Not applicable", "N/A", "Prefer not to say", "Not sure", "Can't say",
};

static int same(const char *a, const char *b)
{
    return pp_label_equal(a, strlen(a), b, strlen(b));
}

int pp_init_missing_rank(const char *value)
{
    for (size_t i = 0; i < sizeof missing / sizeof *missing; i++)
        if (same(value, missing[i]))
            return (int)i;
    return -1;
}

const char *pp_init_missing_label(int rank)
{
    return rank >= 0 && rank < pp_init_missing_count() ? missing[rank] : NULL;
}

int pp_init_missing_count(void)
{
    return (int)(sizeof missing / sizeof *missing);
}

static int level_of(const pp_known_scale *s, const char *value)
{
    for (int k = 0; k < PP_KNOWN_MAX && s->levels[k]; k++)
        if (same(value, s->levels[k]))
            return k;
    return -1;
}

static const pp_known_scale *match(const pp_strings *values, size_t min_levels)
{
    for (size_t s = 0; s < sizeof known / sizeof *known; s++) {
        size_t levels = 0, i;
        for (i = 0; i < values->count; i++) {
            if (level_of(&known[s], values->items[i]) >= 0)
                levels++;
            else if (pp_init_missing_rank(values->items[i]) < 0)
                break;
        }
        if (i == values->count && levels >= min_levels)
            return &known[s];
    }
    return NULL;
}

const pp_known_scale *pp_init_scale_match(const pp_strings *values)
{
    return match(values, 2);
}

const pp_known_scale *pp_init_scale_holding(const pp_strings *values)
{
    return match(values, 1);
}
