#!/usr/bin/env Rscript
# check-culture-sport.R: does the culture & sport panel say what the
# programme's evaluation concluded?
#
# Reads fixtures/culture-sport/survey.ini and its two exports independently
# of prepost (the Google Forms before wave, the plain after wave), joins
# the waves on the id column as SPEC section 3 says (a repeated id is
# rejected, the later row), and checks who answered and the evaluation's
# conclusions (figures/nptsc-survey.md, "For the culture & sport panel"),
# with the R tests SPEC section 5 names as the reference.
#
# Usage: Rscript scripts/check-culture-sport.R [fixtures/culture-sport/survey.ini]
# Exit status 0 when every check passes, 1 otherwise.

# read_ini(), read_one_header(), norm() ...: scripts/lib/survey-export.R
here <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
source(file.path(if (length(here) == 1) dirname(gsub("~+~", " ", here, fixed = TRUE)) else "scripts",
                 "lib", "survey-export.R"))

args <- commandArgs(trailingOnly = TRUE)
codebook_path <- if (length(args) >= 1) args[1] else "fixtures/culture-sport/survey.ini"

failures <- 0
check <- function(ok, what) {
  cat(if (isTRUE(ok)) "ok   " else "FAIL ", what, "\n", sep = "")
  if (!isTRUE(ok)) failures <<- failures + 1
}
fmt_p <- function(p) format.pval(p, digits = 3)

cb <- read_ini(codebook_path)
survey <- cb$survey

# --- the two exports: one header row each ------------------------------------
read_wave <- function(file) read_one_header(file.path(dirname(codebook_path), file))
cat("Codebook and exports\n")
check(identical(survey$before_layout, "google") && identical(survey$after_layout, "plain"),
      "before wave: google layout; after wave: plain")
before_raw <- read_wave(survey$before_export)
after_raw <- read_wave(survey$after_export)
check(identical(names(before_raw)[1], "Timestamp"), "Google Forms: Timestamp column first")

column <- export_column
dedupe <- function(data, wave) {
  ids <- column(data, survey$id)
  dup <- duplicated(ids)
  check(all(ids != ""), sprintf("%s: every row has an id", wave))
  list(data = data[!dup, , drop = FALSE], rows = nrow(data), rejected = sum(dup))
}
b <- dedupe(before_raw, "before")
a <- dedupe(after_raw, "after")
check(b$rows == 48 && b$rejected == 1,
      sprintf("before: %d rows, %d rejected (a form sent twice)", b$rows, b$rejected))
check(a$rows == 41 && a$rejected == 0,
      sprintf("after: %d rows, %d rejected", a$rows, a$rejected))
before <- b$data
after <- a$data
id_b <- column(before, survey$id)
id_a <- column(after, survey$id)
both <- intersect(id_b, id_a)
check(length(both) == 36 && length(setdiff(id_b, id_a)) == 11 &&
        length(setdiff(id_a, id_b)) == 5 && length(union(id_b, id_a)) == 52,
      sprintf("panel: %d before, %d after: %d matched, %d before only, %d after only, %d staff",
              length(id_b), length(id_a), length(both), length(setdiff(id_b, id_a)),
              length(setdiff(id_a, id_b)), length(union(id_b, id_a))))

# Segments: every value a level, and the same in both waves for one person.
segment_of <- function(name, data) column(data, cb[[paste("segment", name)]]$column)
for (s in sections_of(cb, "segment")) {
  levels <- norm(split_bar(cb[[s]]$levels))
  vb <- segment_of(name_of(s), before); va <- segment_of(name_of(s), after)
  check(all(norm(vb) %in% levels) && all(norm(va) %in% levels),
        sprintf("%s: every value is a level, in both waves", s))
  check(identical(norm(vb[match(both, id_b)]), norm(va[match(both, id_a)])),
        sprintf("%s: the same in both waves for every matched respondent", s))
}
councils <- split_bar(cb[["segment council"]]$levels)
check(length(councils) == 10 &&
        all(councils %in% unique(segment_of("council", before))) &&
        all(councils %in% unique(segment_of("council", after))),
      "all 10 councils of the 8 projects answered both waves")

# Answers as codes 1..K, NA for a missing level; an unknown label stops.
coded <- function(x, scale) {
  sc <- cb[[paste("scale", scale)]]
  levels <- norm(split_bar(sc$levels))
  missing <- if (is.null(sc$missing)) character(0) else norm(split_bar(sc$missing))
  x <- norm(x)
  bad <- x != "" & !(x %in% c(levels, missing))
  if (any(bad)) stop("not a label of scale ", scale, ": ", x[bad][1])
  match(x, levels)
}

# --- the four outcomes: pairs with both answers on the scale ---------------
cat("\nOutcomes (matched staff, both answers on the scale)\n")
service_b <- segment_of("service", before)[match(both, id_b)]
outcome <- list()
for (s in sections_of(cb, "paired")) {
  it <- cb[[s]]
  x <- coded(column(before, it$before), it$scale)[match(both, id_b)]
  y <- coded(column(after, it$after), it$scale)[match(both, id_a)]
  keep <- !is.na(x) & !is.na(y)
  w <- suppressWarnings(wilcox.test(y[keep], x[keep], paired = TRUE))
  d <- y[keep] - x[keep]
  outcome[[name_of(s)]] <- list(x = x, y = y, keep = keep, shift = mean(d),
                                p = w$p.value, up = sum(d > 0), down = sum(d < 0))
  cat(sprintf("  %-14s n=%d  mean %.2f -> %.2f  shift %+.2f  up %d, same %d, down %d  Wilcoxon p=%s\n",
              name_of(s), sum(keep), mean(x[keep]), mean(y[keep]), mean(d),
              sum(d > 0), sum(d == 0), sum(d < 0), fmt_p(w$p.value)))
}
shift <- vapply(outcome, function(o) o$shift, 0)
check(names(which.max(shift)) == "understanding",
      sprintf("understanding moved most (%+.2f)", shift[["understanding"]]))
check(names(which.min(shift)) == "redesign",
      sprintf("service redesign moved least (%+.2f)", shift[["redesign"]]))
others <- shift[names(shift) != "redesign"]
check(shift[["redesign"]] < min(others) / 4,
      sprintf("clearly least: under a quarter of the next smallest shift (%+.2f)", min(others)))
check(all(diff(shift[c("understanding", "positioning", "relationships", "redesign")]) < 0),
      "shifts fall in the framework's order: understanding, positioning, relationships, redesign")
check(outcome$understanding$p < 1e-5,
      sprintf("understanding: significant (Wilcoxon p = %s)", fmt_p(outcome$understanding$p)))
check(outcome$redesign$p > 0.05,
      sprintf("service redesign: no significant change (Wilcoxon p = %s)", fmt_p(outcome$redesign$p)))

cat("\nUnderstanding by service area\n")
u <- outcome$understanding
by_area <- list()
for (area in split_bar(cb[["segment service"]]$levels)) {
  k <- u$keep & service_b == area
  by_area[[area]] <- c(n = sum(k), before = mean(u$x[k]), after = mean(u$y[k]),
                       shift = mean(u$y[k] - u$x[k]))
  cat(sprintf("  %-18s n=%d  mean %.2f -> %.2f  shift %+.2f\n", area, sum(k),
              mean(u$x[k]), mean(u$y[k]), mean(u$y[k] - u$x[k])))
}
sl <- by_area[["Sport and leisure"]]; cs <- by_area[["Cultural services"]]
check(sl[["shift"]] > cs[["shift"]] + 0.3,
      sprintf("understanding grew quicker in sport and leisure (%+.2f) than cultural services (%+.2f)",
              sl[["shift"]], cs[["shift"]]))
check(sl[["after"]] > cs[["after"]] + 0.5,
      sprintf("sport and leisure staff ahead after the support (mean %.2f v %.2f)",
              sl[["after"]], cs[["after"]]))
k <- u$keep
mw <- suppressWarnings(wilcox.test(u$y[k][service_b[k] == "Sport and leisure"],
                                   u$y[k][service_b[k] == "Cultural services"]))
check(mw$p.value < 0.01,
      sprintf("after-wave understanding differs between the areas (Mann-Whitney p = %s)",
              fmt_p(mw$p.value)))
check(sl[["n"]] < as.numeric(survey$min_base) && cs[["n"]] < as.numeric(survey$min_base),
      sprintf("service area bases %d and %d < min_base %s: flagged", sl[["n"]], cs[["n"]],
              survey$min_base))

# --- satisfaction ------------------------------------------------------------
cat("\nClient satisfaction (after wave)\n")
sat <- cb[["single satisfaction"]]
check(identical(sat$wave, "after"), "satisfaction asked in the after wave only")
sc <- cb[[paste("scale", sat$scale)]]
code <- coded(column(after, sat$column), sat$scale)
print(table(factor(split_bar(sc$levels)[code], levels = split_bar(sc$levels))))
top <- match(norm(split_bar(sc$top)), norm(split_bar(sc$levels)))
bottom <- match(norm(split_bar(sc$bottom)), norm(split_bar(sc$levels)))
low <- code %in% bottom
check(mean(code %in% top) > 0.85,
      sprintf("very good: %.0f%% satisfied or very satisfied", 100 * mean(code %in% top)))
check(sum(low) == 2, "tempered by two responses: exactly two dissatisfied")
# Hull, North Lincolnshire and North East Lincolnshire were one project.
low_councils <- column(after, cb[["segment council"]]$column)[low]
low_projects <- ifelse(low_councils %in% c("Hull", "North Lincolnshire", "North East Lincolnshire"),
                       "Hull, North Lincs & NE Lincs", low_councils)
check(length(unique(low_projects)) == 2,
      sprintf("the two come from two projects (%s)", paste(low_councils, collapse = ", ")))

cat(if (failures == 0) "\nall checks passed\n" else sprintf("\n%d check(s) failed\n", failures))
quit(status = if (failures == 0) 0 else 1)
