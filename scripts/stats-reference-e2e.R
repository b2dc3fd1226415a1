#!/usr/bin/env Rscript
# stats-reference-e2e.R: end-to-end reference values for results.json.
#
# Reads the NPTSC codebook and export (fixtures/nptsc/) on its own, without
# prepost, as scripts/check-nptsc.R does, and computes with R (and coin) the
# SPEC section 5 statistics that prepost-stats writes for a few items:
# awareness and bid_quality (paired) and expectations (single), in the whole
# sample and in each sector, and the between-segment tests of each of them
# for every segment. tests/e2e/stats.sh runs ingest, tally and stats on the
# same export and compares results.json with this file.
#
# Usage (from the repository root; needs R 4.2 with coin):
#   Rscript scripts/stats-reference-e2e.R [fixtures/nptsc/survey.ini] \
#       [fixtures/stats/nptsc-e2e-reference.tsv]
#
# Output, one value per line, tab-separated:
#   item  slot  path  value  tolerance
# slot: "*" (the whole sample), "SEGMENT=LEVEL" (one entry of the item's
# "results"), or "between:SEGMENT" (its entry of "between_segments").
# path: keys and 0-based indices into that JSON object, joined by "/".
# value: a number, "null" (the statistic must be null, with a note), or
# text (compared exactly). tolerance: "rel:1e-06" (relative), "exact", or
# "abs:X" where prepost draws random numbers of its own (the seeded
# bootstrap and the Monte Carlo Fisher test), which R cannot repeat: there
# the reference is R's own estimate with many more draws, and X allows
# about five Monte Carlo standard errors of prepost's.
#
# What each figure is over (the bases of stages/stats/results_paired.c and
# results_single.c):
#   - the rows an item was asked of (its `among`), in the slot;
#   - paired: pairs = both answers on the scale (not blank, not a missing
#     label). n_pairs, pct_*, means, top/bottom, every test: over pairs.
#     answered_* and missing_*: over everyone who answered that side.
#     excluded: non-pairs by the first reason, the before side first;
#   - single: n = answers on the scale; pct, positive/neutral/negative,
#     mean, median over n; missing over n + missing answers;
#   - between segments: segments x values table, levels and segments
#     nobody is in dropped; paired items compare after minus before over
#     pairs, single items the answers.
suppressPackageStartupMessages(library(coin))
# read_ini(), read_surveymonkey(), norm() ...: scripts/lib/survey-export.R
here <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
source(file.path(if (length(here) == 1) dirname(gsub("~+~", " ", here, fixed = TRUE)) else "scripts",
                 "lib", "survey-export.R"))

args <- commandArgs(trailingOnly = TRUE)
codebook_path <- if (length(args) >= 1) args[1] else "fixtures/nptsc/survey.ini"
out_path <- if (length(args) >= 2) args[2] else "fixtures/stats/nptsc-e2e-reference.tsv"
paired_items <- c("awareness", "bid_quality")
single_items <- c("expectations")
set.seed(20110301)

# --- codebook and export, as scripts/check-nptsc.R reads them -------------
cb <- read_ini(codebook_path)
data <- read_surveymonkey(file.path(dirname(codebook_path), cb$survey$export))
n_rows <- nrow(data)
column <- function(ref) export_column(data, ref)

scale_of <- function(name) {
  s <- cb[[paste("scale", name)]]
  levels <- split_bar(s$levels)
  list(levels = levels, missing = split_bar(s$missing),
       top = norm(levels) %in% norm(split_bar(s$top)),
       bottom = norm(levels) %in% norm(split_bar(s$bottom)))
}
# One column as answers: code 1..K (NA otherwise), missing label index
# 1..M (NA otherwise), blank.
answers <- function(ref, sc) {
  x <- norm(column(ref))
  code <- match(x, norm(sc$levels))
  miss <- match(x, norm(sc$missing))
  if (any(x != "" & is.na(code) & is.na(miss))) stop("unknown label in ", ref)
  list(code = code, miss = miss, blank = x == "")
}

# Segments: each respondent's level in the codebook's spelling and order.
segment_names <- sub("^segment ", "", grep("^segment ", names(cb), value = TRUE))
segment_levels <- list()
segment_value <- list()
for (s in segment_names) {
  levels <- split_bar(cb[[paste("segment", s)]]$levels)
  x <- norm(column(cb[[paste("segment", s)]]$column))
  segment_levels[[s]] <- levels
  segment_value[[s]] <- ifelse(x == "", NA, levels[match(x, norm(levels))])
}
among_rows <- function(item) {
  if (is.null(item$among)) return(rep(TRUE, n_rows))
  parts <- trimws(strsplit(item$among, "=", fixed = TRUE)[[1]])
  v <- segment_value[[parts[1]]]
  !is.na(v) & v == parts[2]
}
slot_rows <- function(slot) {
  if (slot == "*") return(rep(TRUE, n_rows))
  parts <- strsplit(slot, "=", fixed = TRUE)[[1]]
  v <- segment_value[[parts[1]]]
  !is.na(v) & v == parts[2]
}

# --- output -----------------------------------------------------------------
out <- data.frame(item = character(0), slot = character(0), path = character(0),
                  value = character(0), tolerance = character(0))
emit <- function(item, slot, path, value, tolerance = "rel:1e-06") {
  if (is.null(value) || length(value) == 0 || (!is.character(value) && !is.finite(value))) {
    text <- "null"; tolerance <- "exact"
  } else if (is.character(value)) {
    text <- value; tolerance <- "exact"
  } else {
    text <- sprintf("%.17g", value)
  }
  out[nrow(out) + 1, ] <<- list(item, slot, path, text, tolerance)
}
emit_vector <- function(item, slot, key, values, tolerance = "rel:1e-06")
  for (i in seq_along(values)) emit(item, slot, sprintf("%s/%d", key, i - 1), values[i], tolerance)
emit_interval <- function(item, slot, key, ci, tolerance = "rel:1e-06")
  emit_vector(item, slot, key, ci, tolerance)

wilson <- function(x, n) 100 * prop.test(x, n, correct = FALSE)$conf.int[1:2]

# Newcombe (1998) method 10 for a paired difference of proportions, with
# the Wilson limits from prop.test and phi with the N/2 adjustment of
# Altman et al. (what results.json names "altman_n_over_2").
newcombe10 <- function(a, b, c, d) {
  n <- a + b + c + d
  p1 <- (a + b) / n; p2 <- (a + c) / n
  w1 <- prop.test(a + b, n, correct = FALSE)$conf.int
  w2 <- prop.test(a + c, n, correct = FALSE)$conf.int
  margins <- (a + b) * (c + d) * (a + c) * (b + d)
  cross <- a * d - b * c
  if (cross > 0) cross <- max(cross - n / 2, 0)
  phi <- if (margins == 0) 0 else cross / sqrt(margins)
  theta <- p1 - p2
  100 * c(theta - sqrt((p1 - w1[1])^2 - 2 * phi * (p1 - w1[1]) * (w2[2] - p2) + (w2[2] - p2)^2),
          theta + sqrt((p2 - w2[1])^2 - 2 * phi * (p2 - w2[1]) * (w1[2] - p1) + (w1[2] - p1)^2))
}

# --- paired -----------------------------------------------------------------
paired_reference <- function(id, slot) {
  it <- cb[[paste("paired", id)]]
  sc <- scale_of(it$scale)
  rows <- among_rows(it) & slot_rows(slot)
  b <- lapply(answers(it$before, sc), `[`, rows)
  a <- lapply(answers(it$after, sc), `[`, rows)
  K <- length(sc$levels)
  pair <- !is.na(b$code) & !is.na(a$code)
  x <- b$code[pair]; y <- a$code[pair]; d <- y - x
  n <- length(x)
  e <- function(path, value, tol = "rel:1e-06") emit(id, slot, path, value, tol)
  e("base", n); e("n_pairs", n)
  e("improved", sum(d > 0)); e("unchanged", sum(d == 0)); e("worsened", sum(d < 0))
  emit_vector(id, slot, "pct_before", 100 * tabulate(x, K) / n)
  emit_vector(id, slot, "pct_after", 100 * tabulate(y, K) / n)
  e("mean_before", mean(x)); e("mean_after", mean(y)); e("mean_shift", mean(d))
  emit_interval(id, slot, "mean_shift_ci", t.test(y, x, paired = TRUE)$conf.int[1:2])

  # excluded: the first reason, the before side first
  for (side in c("before", "after")) {
    this <- if (side == "before") b else a
    fails <- if (side == "before") is.na(b$code) else !is.na(b$code) & is.na(a$code)
    e(paste("excluded", paste("no answer", side), sep = "/"), sum(fails & this$blank))
    e(paste("excluded", paste("not in the", side, "wave"), sep = "/"), 0)   # one export
    for (m in seq_along(sc$missing))
      e(paste("excluded", paste(sc$missing[m], side), sep = "/"),
        sum(fails & !is.na(this$miss) & this$miss == m))
    ans <- !this$blank
    e(paste0("answered_", side), sum(ans))
    emit_vector(id, slot, paste0("answered_pct_", side), 100 * tabulate(this$code[ans], K) / sum(ans))
    for (m in seq_along(sc$missing))
      e(paste0("missing_", side, "/", sc$missing[m]),
        100 * sum(!is.na(this$miss) & this$miss == m) / sum(ans))
  }

  tb <- sc$top[x]; ta <- sc$top[y]
  e("top_before", 100 * mean(tb)); e("top_after", 100 * mean(ta))
  e("top_shift_pp", 100 * (mean(ta) - mean(tb)))
  emit_interval(id, slot, "top_shift_ci",
                newcombe10(sum(tb & ta), sum(!tb & ta), sum(tb & !ta), sum(!tb & !ta)))
  e("top_shift_ci_phi", "altman_n_over_2")
  e("bottom_before", 100 * mean(sc$bottom[x])); e("bottom_after", 100 * mean(sc$bottom[y]))
  e("mcnemar_p", binom.test(sum(tb & !ta), sum(tb != ta))$p.value)
  e("sign_p", binom.test(sum(d > 0), sum(d != 0))$p.value)
  w <- suppressWarnings(wilcox.test(y, x, paired = TRUE))
  e("wilcoxon_V", unname(w$statistic)); e("wilcoxon_p", w$p.value)
  e("wilcoxon_method", if (grepl("exact", w$method)) "exact"
                       else "normal, tie- and continuity-corrected")
  nz <- d[d != 0]; r <- rank(abs(nz))
  e("rank_biserial", (sum(r[nz > 0]) - sum(r[nz < 0])) / sum(r))

  # Stuart-Maxwell over the levels somebody chose, as coin::mh_test; coin
  # gives 1 - pchisq(), which is 0 under 1e-16, so p is taken from the
  # statistic and df coin reports.
  used <- which(tabulate(x, K) + tabulate(y, K) > 0)
  tab <- table(factor(x, levels = used), factor(y, levels = used))
  mh <- mh_test(tab)
  chi2 <- unname(statistic(mh)); df <- mh@statistic@df
  e("stuart_maxwell_chi2", chi2); e("stuart_maxwell_df", df)
  e("stuart_maxwell_p", pchisq(chi2, df, lower.tail = FALSE))

  # percentile bootstrap of the mean shift: R's own, B = 20000
  means <- replicate(20000, mean(sample(d, n, replace = TRUE)))
  tol <- sprintf("abs:%.3g", 0.3 * sd(d) / sqrt(n))
  emit_interval(id, slot, "boot_mean_shift_ci", unname(quantile(means, c(0.025, 0.975), type = 7)), tol)
}

# --- single -----------------------------------------------------------------
single_reference <- function(id, slot) {
  it <- cb[[paste("single", id)]]
  sc <- scale_of(it$scale)
  rows <- among_rows(it) & slot_rows(slot)
  v <- lapply(answers(it$column, sc), `[`, rows)
  K <- length(sc$levels)
  x <- v$code[!is.na(v$code)]
  n <- length(x)
  counts <- tabulate(x, K)
  answered <- n + sum(!is.na(v$miss))
  e <- function(path, value, tol = "rel:1e-06") emit(id, slot, path, value, tol)
  e("base", n); e("n", n); e("no_answer", sum(v$blank))
  emit_vector(id, slot, "counts", counts)
  emit_vector(id, slot, "pct", 100 * counts / n)
  for (k in 1:K) emit_interval(id, slot, sprintf("pct_ci/%d", k - 1), wilson(counts[k], n))
  e("positive", 100 * mean(sc$top[x])); e("negative", 100 * mean(sc$bottom[x]))
  e("neutral", 100 * mean(!sc$top[x] & !sc$bottom[x]))
  for (m in seq_along(sc$missing)) {
    e(sprintf("missing_counts/%d", m - 1), sum(!is.na(v$miss) & v$miss == m))
    e(paste0("missing/", sc$missing[m]), 100 * sum(!is.na(v$miss) & v$miss == m) / answered)
  }
  e("missing_total", 100 * sum(!is.na(v$miss)) / answered)
  pos <- sum(sc$top[x]); neg <- sum(sc$bottom[x])
  e("positive_vs_negative_p", binom.test(pos, pos + neg)$p.value)
  e("mean", mean(x)); e("median", median(x))
}

# --- between segments ---------------------------------------------------------
between_reference <- function(id, kind, segment) {
  it <- cb[[paste(kind, id)]]
  sc <- scale_of(it$scale)
  K <- length(sc$levels)
  rows <- among_rows(it)
  if (kind == "paired") {
    b <- answers(it$before, sc)$code; a <- answers(it$after, sc)$code
    keep <- rows & !is.na(b) & !is.na(a)
    value <- (a - b)[keep]
    values <- seq(-(K - 1), K - 1)
  } else {
    code <- answers(it$column, sc)$code
    keep <- rows & !is.na(code)
    value <- code[keep]
    values <- 1:K
  }
  group <- factor(segment_value[[segment]][keep], levels = segment_levels[[segment]])
  tab <- table(group, factor(value, levels = values))
  tab <- tab[rowSums(tab) > 0, colSums(tab) > 0, drop = FALSE]
  slot <- paste0("between:", segment)
  e <- function(path, value, tol = "rel:1e-06") emit(id, slot, path, value, tol)
  e("compared", if (kind == "paired") "shift (after minus before)" else "answers")
  e("segments_used", nrow(tab)); e("values_used", ncol(tab))
  if (nrow(tab) < 2) {
    for (key in c("chisq", "chisq_p", "homogeneity_p", "rank_statistic", "rank_p"))
      e(key, NULL)
    return(invisible())
  }
  ch <- suppressWarnings(chisq.test(tab, correct = FALSE))
  e("chisq", unname(ch$statistic)); e("chisq_df", unname(ch$parameter))
  e("chisq_p", ch$p.value); e("min_expected", min(ch$expected))
  if (min(ch$expected) >= 5) {
    e("homogeneity_method", "chi-square"); e("homogeneity_p", ch$p.value)
  } else if (all(dim(tab) == 2)) {
    e("homogeneity_method", "Fisher exact"); e("homogeneity_p", fisher.test(tab)$p.value)
  } else {
    e("homogeneity_method", "Fisher exact, Monte Carlo (B = 2000)")
    p <- fisher.test(tab, simulate.p.value = TRUE, B = 100000)$p.value
    e("homogeneity_p", p, sprintf("abs:%.3g", 5 * sqrt(max(p * (1 - p), 0.01) / 2000)))
  }
  groups <- split(value, group)
  groups <- groups[vapply(groups, length, 1L) > 0]
  if (length(groups) == 2) {
    w <- suppressWarnings(wilcox.test(groups[[1]], groups[[2]]))
    e("rank_test", "Mann-Whitney"); e("rank_method", w$method)
    e("rank_statistic", unname(w$statistic)); e("rank_p", w$p.value)
  } else {
    k <- kruskal.test(groups)
    e("rank_test", "Kruskal-Wallis"); e("rank_method", k$method)
    e("rank_statistic", unname(k$statistic)); e("rank_df", unname(k$parameter))
    e("rank_p", k$p.value)
  }
}

slots <- c("*", paste0("sector=", segment_levels[["sector"]]))
for (id in paired_items) {
  asked <- among_rows(cb[[paste("paired", id)]])
  for (slot in slots) if (any(asked & slot_rows(slot))) paired_reference(id, slot)
  for (s in segment_names) between_reference(id, "paired", s)
}
for (id in single_items) {
  asked <- among_rows(cb[[paste("single", id)]])
  for (slot in slots) if (any(asked & slot_rows(slot))) single_reference(id, slot)
  for (s in segment_names) between_reference(id, "single", s)
}

con <- file(out_path, "w", encoding = "UTF-8")
writeLines(c(sprintf("# Reference values for tests/e2e/stats.sh, written by scripts/stats-reference-e2e.R"),
             sprintf("# (%s, coin %s) from %s and its export.", R.version.string,
                     packageVersion("coin"), codebook_path),
             "# item<TAB>slot<TAB>path<TAB>value<TAB>tolerance; see the script for what each means."),
           con)
write.table(out, con, sep = "\t", quote = FALSE, row.names = FALSE, col.names = TRUE)
close(con)
cat(sprintf("%d values written to %s\n", nrow(out), out_path))
