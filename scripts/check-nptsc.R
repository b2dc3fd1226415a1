#!/usr/bin/env Rscript
# check-nptsc.R: does the NPTSC fixture say what the published report says?
#
# Reads fixtures/nptsc/survey.ini and the export it names, independently of
# prepost: every codebook column must exist in the export and every answer
# must be a label of its scale; then Table 1.1, the sector split and the
# 14 statements of the report (figures/nptsc-survey.md) are checked, with
# the R tests SPEC section 5 names as the reference.
#
# Usage: Rscript scripts/check-nptsc.R [fixtures/nptsc/survey.ini]
# Exit status 0 when every check passes, 1 otherwise.

# read_ini(), read_surveymonkey(), norm() ...: scripts/lib/survey-export.R
here <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
source(file.path(if (length(here) == 1) dirname(gsub("~+~", " ", here, fixed = TRUE)) else "scripts",
                 "lib", "survey-export.R"))

args <- commandArgs(trailingOnly = TRUE)
codebook_path <- if (length(args) >= 1) args[1] else "fixtures/nptsc/survey.ini"

failures <- 0
check <- function(ok, what) {
  cat(if (isTRUE(ok)) "ok   " else "FAIL ", what, "\n", sep = "")
  if (!isTRUE(ok)) failures <<- failures + 1
}
pct <- function(x) sprintf("%.1f%%", 100 * x)
fmt_p <- function(p) format.pval(p, digits = 3)

cb <- read_ini(codebook_path)

# --- export: two SurveyMonkey header rows -----------------------------------
data <- read_surveymonkey(file.path(dirname(codebook_path), cb$survey$export))
n <- nrow(data)

cat("Codebook and export\n")
column <- function(ref) export_column(data, ref)
check(identical(cb$survey$layout, "surveymonkey"), "layout = surveymonkey")
ids <- column(cb$survey$id)
check(n == 250 && !anyDuplicated(ids) && all(ids != ""),
      sprintf("%d respondents, ids unique and present", n))

scale_labels <- function(name) {
  s <- cb[[paste("scale", name)]]
  list(levels = split_bar(s$levels), top = split_bar(s$top),
       bottom = split_bar(s$bottom), missing = split_bar(s$missing),
       centre = s$centre)
}
# An item's answers as codes: 1..K, NA for "Don't know" (missing levels),
# NA and blank = TRUE for a skipped question.
coded <- function(ref, sc) {
  x <- norm(column(ref))
  known <- norm(c(sc$levels, sc$missing))
  bad <- x != "" & !(x %in% known)
  if (any(bad)) stop("not a label of its scale in ", ref, ": ", x[bad][1])
  list(code = match(x, norm(sc$levels)),
       missing = x %in% norm(sc$missing), blank = x == "", k = length(sc$levels),
       top = norm(sc$levels) %in% norm(sc$top),
       bottom = norm(sc$levels) %in% norm(sc$bottom),
       centre = norm(sc$levels) == norm(sc$centre))
}

segment <- function(name) column(cb[[paste("segment", name)]]$column)
for (s in sections_of(cb, "segment")) {
  seg <- cb[[s]]
  x <- column(seg$column)
  ok <- is.null(seg$levels) || all(norm(x[x != ""]) %in% norm(split_bar(seg$levels)))
  check(ok, sprintf("%s: every value is a level", s))
}
sector <- segment("sector")
among_rows <- function(item) {
  a <- item$among
  if (is.null(a)) return(rep(TRUE, n))
  parts <- trimws(strsplit(a, "=", fixed = TRUE)[[1]])
  norm(segment(parts[1])) == norm(parts[2])
}
items <- list()
for (s in c(sections_of(cb, "paired"), sections_of(cb, "single"))) {
  it <- cb[[s]]
  sc <- scale_labels(it$scale)
  rows <- among_rows(it)
  if (kind_of(s) == "paired") {
    b <- coded(it$before, sc); a <- coded(it$after, sc)
    asked_only <- all(b$blank[!rows]) && all(a$blank[!rows])
    items[[name_of(s)]] <- list(before = lapply(b, function(v) if (length(v) == n) v[rows] else v),
                                after = lapply(a, function(v) if (length(v) == n) v[rows] else v))
  } else {
    x <- coded(it$column, sc)
    asked_only <- all(x$blank[!rows])
    items[[name_of(s)]] <- lapply(x, function(v) if (length(v) == n) v[rows] else v)
  }
  check(asked_only, sprintf("%s: every label valid, only its segment answers", s))
}
multi <- cb[["multi support"]]
support_cols <- split_bar(multi$columns)
for (ref in support_cols) {
  x <- column(ref)
  option <- sub("^.* / ", "", ref)
  check(all(x == "" | norm(x) == norm(option)), sprintf("multi support: %s ticks valid", option))
}

# --- Table 1.1 and the sector split -----------------------------------------
cat("\nWho answered\n")
partner <- table(factor(segment("partner"), levels = split_bar(cb[["segment partner"]]$levels)))
print(partner)
check(identical(as.vector(partner), c(209L, 13L, 7L, 8L, 6L, 5L, 2L)),
      "Table 1.1: CIPFA 209, SROI-UK 13, CIPFA & SROI-UK 7, IVAR 8, bassac 6, ACEVO 5, NAVCA 2")
check(sum(sector == "Public sector") == 217 && sum(sector == "Third sector") == 33,
      "sector: 217 public (87%), 33 third (13%)")
ptype <- table(segment("public_type")[sector == "Public sector"])
check(ptype[["Central government"]] == 24 && ptype[["Local authority"]] == 171 &&
        ptype[["Primary care trust"]] == 22,
      sprintf("public type: 24 central (%s), 171 local (%s), 22 PCT (%s)",
              pct(24 / 217), pct(171 / 217), pct(22 / 217)))
check(all(segment("public_type")[sector == "Third sector"] == ""),
      "public type: blank for the third sector")
min_base <- as.numeric(cb$survey$min_base)
check(sum(sector == "Third sector") < min_base,
      sprintf("third sector base 33 < min_base %g: flagged", min_base))

# --- helpers for the statements ---------------------------------------------
# Paired: both answers substantive.
paired_stats <- function(it) {
  b <- it$before; a <- it$after
  both <- !is.na(b$code) & !is.na(a$code)
  x <- b$code[both]; y <- a$code[both]
  tb <- b$top[x]; ta <- a$top[y]
  up <- sum(ta & !tb); down <- sum(tb & !ta)
  answered <- !b$blank & !a$blank
  list(n = sum(both),
       wilcoxon_p = suppressWarnings(wilcox.test(y, x, paired = TRUE))$p.value,
       mcnemar_p = if (up + down > 0) binom.test(up, up + down)$p.value else 1,
       sign_p = if (sum(y != x) > 0) binom.test(sum(y > x), sum(y != x))$p.value else 1,
       improved = sum(y > x), worsened = sum(y < x),
       top_before = mean(tb), top_after = mean(ta),
       # shares of all who answered the question, "don't know" included
       dk_before = mean(b$missing[answered]), dk_after = mean(a$missing[answered]),
       codes_before = b$code[answered], codes_after = a$code[answered],
       bottom_after = mean(ifelse(is.na(a$code[answered]), FALSE, a$bottom[a$code[answered]])))
}
shares <- function(it) {
  answered <- !it$blank
  code <- it$code[answered]
  list(n = sum(answered),
       positive = mean(!is.na(code) & it$top[pmax(code, 1)]),
       neutral = mean(!is.na(code) & it$centre[pmax(code, 1)]),
       negative = mean(!is.na(code) & it$bottom[pmax(code, 1)]),
       positive_substantive = mean(it$top[code[!is.na(code)]]),
       dk = mean(is.na(code)))
}
describe_paired <- function(s)
  sprintf("n=%d, top %s -> %s, up %d / down %d, Wilcoxon p=%s, McNemar p=%s",
          s$n, pct(s$top_before), pct(s$top_after), s$improved, s$worsened,
          fmt_p(s$wilcoxon_p), fmt_p(s$mcnemar_p))
describe_single <- function(s)
  sprintf("n=%d: positive %s, neutral %s, negative %s, don't know %s",
          s$n, pct(s$positive), pct(s$neutral), pct(s$negative), pct(s$dk))
stages <- c("needs_analysis", "planning", "specification", "monitoring_evaluation")

# --- Public sector ------------------------------------------------------------
cat("\nPublic sector\n")
for (id in c("awareness", "understanding")) {
  s <- paired_stats(items[[id]])
  check(s$mcnemar_p < 0.001 && s$wilcoxon_p < 0.001 && s$top_after > s$top_before,
        sprintf("%s: significant rise to excellent/very good (%s)", id, describe_paired(s)))
  if (id == "awareness")
    check(s$bottom_after <= 0.02,
          sprintf("awareness: virtually none negative after (poor %s)", pct(s$bottom_after)))
}
aw <- items$awareness$after
fair_or_poor <- mean(aw$code[!aw$blank] %in% 1:2)
check(fair_or_poor <= 0.02, sprintf("awareness: poor or fair after %s", pct(fair_or_poor)))

for (st in stages) {
  s <- shares(items[[paste0("works_", st)]])
  check(abs(s$positive - 0.5) <= 0.05 && s$neutral < 0.5 && s$neutral >= 0.4,
        sprintf("works %s: about half positive, just under half neutral (%s)", st, describe_single(s)))
}
inv <- lapply(stages, function(st) shares(items[[paste0("involvement_public_", st)]]))
for (i in seq_along(stages))
  check(1 - inv[[i]]$positive > 0.5 && 1 - inv[[i]]$positive < 0.7,
        sprintf("involvement (public) %s: over half unsure or not positive (%s)",
                stages[i], describe_single(inv[[i]])))
stage_table <- sapply(stages, function(st) {
  it <- items[[paste0("involvement_public_", st)]]
  table(factor(ifelse(is.na(it$code), 0, it$code)[!it$blank], levels = 0:5))
})
stage_p <- suppressWarnings(chisq.test(stage_table))$p.value
check(stage_p > 0.5, sprintf("involvement (public): little difference between stages (chi-square p=%s)",
                             fmt_p(stage_p)))

s <- paired_stats(items$bid_quality)
check(s$wilcoxon_p > 0.2 && s$mcnemar_p > 0.2 && s$sign_p > 0.2,
      sprintf("bid quality: no significant change (%s, sign p=%s)", describe_paired(s), fmt_p(s$sign_p)))
check(s$dk_after > s$dk_before + 0.05,
      sprintf("bid quality: don't know rises %s -> %s", pct(s$dk_before), pct(s$dk_after)))
pn <- function(codes) mean(codes %in% 2:3)   # Poor, Neither good nor poor
check(pn(s$codes_after) < pn(s$codes_before) - 0.05 &&
        pn(s$codes_after[!is.na(s$codes_after)]) < pn(s$codes_before[!is.na(s$codes_before)]),
      sprintf("bid quality: poor or neither falls %s -> %s (of substantive answers %s -> %s)",
              pct(pn(s$codes_before)), pct(pn(s$codes_after)),
              pct(pn(s$codes_before[!is.na(s$codes_before)])),
              pct(pn(s$codes_after[!is.na(s$codes_after)]))))

s <- shares(items$commissioning_practice)
check(s$positive + s$neutral >= 0.9 && s$positive > s$neutral,
      sprintf("commissioning practice: generally positive or neutral (%s)", describe_single(s)))

# --- Third sector ---------------------------------------------------------------
cat("\nThird sector (n = 33)\n")
for (st in stages) {
  s <- shares(items[[paste0("capability_", st)]])
  if (st %in% c("needs_analysis", "specification"))
    check(s$positive >= 0.45 && s$positive <= 0.6,
          sprintf("capability %s: about half positive (%s)", st, describe_single(s)))
  else
    check(s$neutral > 0.55,
          sprintf("capability %s: mostly no strong opinion (%s)", st, describe_single(s)))
}
inv3 <- lapply(stages, function(st) shares(items[[paste0("involvement_third_", st)]]))
all_pos <- mean(sapply(inv3, `[[`, "positive"))
all_pos_sub <- mean(sapply(inv3, `[[`, "positive_substantive"))
check(all_pos >= 0.6 && all_pos_sub < 2 / 3 && all(sapply(inv3, `[[`, "positive") >= 0.55),
      sprintf("involvement (third): almost two-thirds positive (%s; %s without don't know)",
              pct(all_pos), pct(all_pos_sub)))
for (id in c("bid_success", "bid_practice_quality")) {
  s <- paired_stats(items[[id]])
  check(s$wilcoxon_p > 0.2 && s$sign_p > 0.2,
        sprintf("%s: no significant change (%s, sign p=%s)", id, describe_paired(s), fmt_p(s$sign_p)))
  if (id == "bid_practice_quality")
    check(s$improved > s$worsened && s$improved <= 5,
          sprintf("bid practice quality: a few more positive (%d up, %d down)", s$improved, s$worsened))
}
s <- shares(items$bid_practice)
check(s$positive + s$neutral >= 0.9 && s$positive > s$negative,
      sprintf("bid practice: generally positive or neutral (%s)", describe_single(s)))

# --- All respondents ----------------------------------------------------------------
cat("\nAll respondents\n")
e <- items$expectations
s <- shares(e)
pos <- sum(e$top[e$code], na.rm = TRUE); neg <- sum(e$bottom[e$code], na.rm = TRUE)
sp <- binom.test(pos, pos + neg)$p.value
check(s$positive > 0.6 && sp < 0.001,
      sprintf("expectations: significantly positive (%s; %d agree vs %d disagree, sign p=%s)",
              describe_single(s), pos, neg, fmt_p(sp)))

ticks <- sapply(support_cols, function(ref) column(ref) != "")
colnames(ticks) <- sub("^.* / ", "", support_cols)
public <- sector == "Public sector"
for (o in colnames(ticks))
  cat(sprintf("     %-32s all %s, public %s, third %s\n", o, pct(mean(ticks[, o])),
              pct(mean(ticks[public, o])), pct(mean(ticks[!public, o]))))
for (o in c("Networking, events and forums", "Masterclasses")) {
  fp <- fisher.test(table(public, ticks[, o]))$p.value
  check(mean(ticks[, o]) > 0.4 && mean(ticks[!public, o]) > mean(ticks[public, o]) + 0.15 && fp < 0.05,
        sprintf("support: %s in demand, higher among TSOs (Fisher p=%s)", o, fmt_p(fp)))
}
check(which.max(colMeans(ticks)) == which(colnames(ticks) == "Electronic material") &&
        mean(ticks[, "Electronic material"]) > 0.55,
      "support: electronic material the most wanted overall")

texts <- sapply(sections_of(cb, "text"), function(s) column(cb[[s]]$column))
answered <- colSums(texts != "")
check(all(answered > 0), sprintf("free text: %s comments", paste(answered, collapse = " / ")))
all_text <- texts[texts != ""]
check(any(grepl("\u2019", all_text)) && any(grepl(",", all_text)) && any(grepl("\n", all_text)) &&
        any(grepl("'", all_text)),
      "free text: a curly apostrophe, commas, a line break and quotes survive")

cat(sprintf("\n%s\n", if (failures == 0) "All checks passed." else paste(failures, "checks FAILED.")))
quit(status = if (failures == 0) 0 else 1)
