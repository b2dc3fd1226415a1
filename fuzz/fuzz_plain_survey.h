/* fuzz_plain_survey.h: the plain-layout codebook the ingest and records
 * harnesses share, with every item kind, a segment with levels, `among`
 * and an id column, as the fixtures have; records made by ingest against
 * it are what the records harness reads. */
#ifndef PREPOST_FUZZ_PLAIN_SURVEY_H
#define PREPOST_FUZZ_PLAIN_SURVEY_H

#define FUZZ_PLAIN_SURVEY_INI \
    "[survey]\nexport = export.csv\nlayout = plain\nid = Respondent ID\n" \
    "[scale rating]\nlevels = Poor | Fair | Good | Very good | Excellent\n" \
    "top = Very good | Excellent\nbottom = Poor\nmissing = Don't know | Not applicable\n" \
    "[scale agree]\nlevels = Strongly disagree | Disagree | Neither agree nor disagree | Agree | Strongly agree\n" \
    "[segment sector]\ncolumn = Sector\nlevels = Public sector | Third sector\n" \
    "[paired awareness]\nscale = rating\nbefore = Awareness before\nafter = Awareness after\n" \
    "among = sector = Public sector\n" \
    "[single expectations]\nscale = agree\ncolumn = The programme met my expectations\n" \
    "[multi support]\ncolumns = Support: Networking | Support: Masterclasses | Support: Electronic material\n" \
    "options = Networking | Masterclasses | Electronic material\n" \
    "[text comments]\ncolumn = Comments\n"

#endif
