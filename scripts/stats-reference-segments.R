#!/usr/bin/env Rscript
# Writes fixtures/stats/segments-reference.tsv: reference values from R for
# the single-item, multi-option and between-segment statistics of SPEC §5
# (stages/stats/: wilson, single_item, multi_option, segment_compare,
# fisher, fisher_mc, mann_whitney, kruskal, holm, rank_sum_exact).
# tests/unit/test_segment_stats.c recomputes every line and compares.
#
# Run from the repository root with R 4.2 (Debian 12):
#   Rscript scripts/stats-reference-segments.R
#
# One line per (case, statistic): case, kind, input, statistic, value.
# "NA" means the statistic is not available (n = 0, one segment, ...).
# Inputs: wilson "x n"; multi "chosen=..;respondents=.."; single
# "counts=..;missing=..;top=..;bottom=.."; segments "r1c1,r1c2,../r2c1,..";
# holm "p1,p2,.." (NA = not available); pwilcox "q m n".

out_path <- "fixtures/stats/segments-reference.tsv"
rows <- list()
add <- function(case, kind, input, stat, value) {
    if (is.null(value) || length(value) == 0 || is.na(value) || is.nan(value))
        v <- "NA"
    else if (is.character(value))
        v <- value
    else
        v <- sprintf("%.17g", value)
    rows[[length(rows) + 1]] <<- c(case, kind, input, stat, v)
}
ints <- function(x) paste(sprintf("%.0f", x), collapse = ",")

## Wilson: prop.test(x, n, correct = FALSE)$conf.int
wilson <- function(x, n) {
    if (n == 0) return(c(NA, NA))
    suppressWarnings(prop.test(x, n, correct = FALSE)$conf.int[1:2])
}
wilson_case <- function(name, x, n) {
    input <- sprintf("%.0f %.0f", x, n)
    ci <- wilson(x, n)
    add(name, "wilson", input, "lower", ci[1])
    add(name, "wilson", input, "upper", ci[2])
}
wilson_case("wilson-3-of-10", 3, 10)
wilson_case("wilson-0-of-10", 0, 10)
wilson_case("wilson-10-of-10", 10, 10)
wilson_case("wilson-1-of-1", 1, 1)
wilson_case("wilson-n0", 0, 0)
wilson_case("wilson-half-of-100000", 50000, 100000)
wilson_case("wilson-1-of-100000", 1, 100000)
wilson_case("wilson-99999-of-100000", 99999, 100000)

## Single item: shares, top/neutral/bottom, missing, mean, median
single_case <- function(name, counts, missing, top, bottom) {
    input <- sprintf("counts=%s;missing=%s;top=%s;bottom=%s", ints(counts),
                     ints(missing), ints(top), ints(bottom))
    K <- length(counts)
    n <- sum(counts)
    answered <- n + sum(missing)
    add(name, "single", input, "n", n)
    add(name, "single", input, "answered", answered)
    x <- rep(seq_len(K), counts)
    for (k in seq_len(K)) {
        ci <- wilson(counts[k], n)
        add(name, "single", input, sprintf("pct_%d", k), if (n > 0) 100 * counts[k] / n else NA)
        add(name, "single", input, sprintf("pct_lower_%d", k), 100 * ci[1])
        add(name, "single", input, sprintf("pct_upper_%d", k), 100 * ci[2])
    }
    for (m in seq_along(missing)) {
        ci <- wilson(missing[m], answered)
        add(name, "single", input, sprintf("missing_pct_%d", m),
            if (answered > 0) 100 * missing[m] / answered else NA)
        add(name, "single", input, sprintf("missing_lower_%d", m), 100 * ci[1])
        add(name, "single", input, sprintf("missing_upper_%d", m), 100 * ci[2])
    }
    add(name, "single", input, "missing", if (answered > 0) 100 * sum(missing) / answered else NA)
    ok <- n > 0
    add(name, "single", input, "positive", if (ok) 100 * sum(x %in% top) / n else NA)
    add(name, "single", input, "negative", if (ok) 100 * sum(x %in% bottom) / n else NA)
    add(name, "single", input, "neutral",
        if (ok) 100 * sum(!(x %in% c(top, bottom))) / n else NA)
    add(name, "single", input, "mean", if (ok) mean(x) else NA)
    add(name, "single", input, "median", if (ok) median(x) else NA)
}
single_case("single-k5-typical", c(3, 7, 12, 20, 8), c(2, 1), c(4, 5), 1)
single_case("single-k3-even-n-median-between", c(2, 0, 2), c(0), 3, 1)
single_case("single-k4-even-n", c(1, 3, 4, 2), integer(0), c(3, 4), c(1, 2))
single_case("single-k7-unused-levels", c(0, 0, 4, 0, 9, 0, 1), c(3, 0), c(6, 7), c(1, 2))
single_case("single-k5-all-one-level", c(0, 0, 0, 17, 0), c(1), c(4, 5), 1)
single_case("single-k5-n0-missing-only", c(0, 0, 0, 0, 0), c(4, 2), c(4, 5), 1)
single_case("single-k6-n0-nothing", c(0, 0, 0, 0, 0, 0), c(0, 0), c(5, 6), 1)
single_case("single-k5-n1", c(0, 1, 0, 0, 0), integer(0), c(4, 5), 1)
single_case("single-k5-n100000", c(4000, 11000, 25000, 38000, 21990), c(10, 0), c(4, 5), c(1, 2))

## Multi-select options: share of respondents with Wilson
multi_case <- function(name, chosen, respondents) {
    input <- sprintf("chosen=%s;respondents=%d", ints(chosen), respondents)
    for (i in seq_along(chosen)) {
        ci <- wilson(chosen[i], respondents)
        add(name, "multi", input, sprintf("pct_%d", i),
            if (respondents > 0) 100 * chosen[i] / respondents else NA)
        add(name, "multi", input, sprintf("pct_lower_%d", i), 100 * ci[1])
        add(name, "multi", input, sprintf("pct_upper_%d", i), 100 * ci[2])
    }
}
multi_case("multi-four-options", c(3, 0, 12, 20), 20)
multi_case("multi-no-respondents", c(0, 0), 0)
multi_case("multi-large", c(61234, 5, 99000), 100000)

## Between segments: chi-square / Fisher / Monte Carlo, Mann-Whitney / Kruskal
segments_case <- function(name, tab) {
    input <- paste(apply(tab, 1, ints), collapse = "/")
    K <- ncol(tab)
    put <- function(stat, value) add(name, "segments", input, stat, value)
    t2 <- tab[rowSums(tab) > 0, colSums(tab) > 0, drop = FALSE]
    put("segments_used", nrow(t2))
    put("levels_used", ncol(t2))
    if (nrow(t2) >= 2 && ncol(t2) >= 2) {
        ct <- suppressWarnings(chisq.test(t2, correct = FALSE))
        put("chisq_statistic", unname(ct$statistic))
        put("chisq_df", unname(ct$parameter))
        put("chisq_p", ct$p.value)
        put("min_expected", min(ct$expected))
        if (min(ct$expected) >= 5) {
            put("method", "chi-square")
            put("p", ct$p.value)
        } else if (nrow(t2) == 2 && ncol(t2) == 2) {
            put("method", "Fisher exact")
            put("p", fisher.test(t2)$p.value)
        } else {
            put("method", "Fisher exact, Monte Carlo (B = 2000)")
            set.seed(20110301)
            put("p_mc_r", fisher.test(t2, simulate.p.value = TRUE, B = 2000)$p.value)
            put("p_exact", tryCatch(fisher.test(t2, workspace = 2e7)$p.value,
                                    error = function(e) NA))
        }
    } else {
        for (s in c("chisq_statistic", "chisq_df", "chisq_p", "min_expected",
                    "method", "p"))
            put(s, NA)
    }
    groups <- lapply(which(rowSums(tab) > 0), function(i) rep(seq_len(K), tab[i, ]))
    if (length(groups) == 2) {
        w <- suppressWarnings(wilcox.test(groups[[1]], groups[[2]]))
        ok <- !is.na(w$p.value)
        put("rank_test", if (ok) "Mann-Whitney" else NA)
        put("rank_method", if (ok) w$method else NA)
        put("rank_statistic", if (ok) unname(w$statistic) else NA)
        put("rank_p", w$p.value)
    } else if (length(groups) > 2) {
        kw <- kruskal.test(groups)
        ok <- !is.na(kw$p.value)
        put("rank_test", if (ok) "Kruskal-Wallis" else NA)
        put("rank_statistic", if (ok) unname(kw$statistic) else NA)
        put("rank_df", if (ok) unname(kw$parameter) else NA)
        put("rank_p", kw$p.value)
    } else {
        put("rank_test", NA)
        put("rank_p", NA)
    }
}
mat <- function(...) do.call(rbind, list(...))

# hand-made edge cases
segments_case("seg-n0", mat(c(0, 0, 0, 0), c(0, 0, 0, 0)))
segments_case("seg-one-segment-only", mat(c(3, 4, 5, 0, 1)))
segments_case("seg-one-segment-with-answers", mat(c(3, 4, 5, 0, 1), c(0, 0, 0, 0, 0)))
segments_case("seg-all-one-level", mat(c(0, 0, 5, 0), c(0, 0, 7, 0)))
segments_case("seg-all-one-level-3seg", mat(c(0, 9, 0), c(0, 4, 0), c(0, 12, 0)))
segments_case("seg-empty-level-chisq", mat(c(20, 0, 35, 40, 25), c(30, 0, 30, 22, 18)))
segments_case("seg-empty-segment-among-three", mat(c(12, 20, 30, 18), c(0, 0, 0, 0), c(25, 22, 15, 9)))
segments_case("seg-2x2-after-dropping-fisher", mat(c(3, 1, 0), c(1, 3, 0)))
segments_case("seg-2x2-fisher-symmetric-ties", mat(c(0, 2, 0, 0), c(0, 2, 0, 2)))
# 2 x 2 tables where two tables are exactly as probable but computed from
# different terms: only R's relErr tolerance counts both as "as extreme"
segments_case("seg-2x2-fisher-tie-a", mat(c(0, 2, 0), c(2, 3, 0)))
segments_case("seg-2x2-fisher-tie-b", mat(c(1, 1, 0), c(1, 4, 0)))
segments_case("seg-2x2-fisher-tie-c", mat(c(0, 0, 2), c(0, 3, 5)))
segments_case("seg-2x2-fisher-tie-d", mat(c(1, 1), c(2, 6)))
segments_case("seg-2x2-fisher-tie-e", mat(c(1, 4, 0), c(3, 5, 0)))
segments_case("seg-2x2-fisher-tie-f", mat(c(2, 3, 0), c(2, 6, 0)))
segments_case("seg-2x2-fisher-large-n", mat(c(0, 60000, 39990), c(0, 2, 8)))
segments_case("seg-k3-n5-mc", mat(c(1, 1, 0), c(0, 2, 1)))
segments_case("seg-k4-3seg-tiny-mc", mat(c(2, 1, 0, 1), c(0, 1, 2, 1), c(1, 0, 0, 3)))
segments_case("seg-k5-2seg-small-mc", mat(c(1, 2, 3, 1, 0), c(0, 1, 2, 4, 3)))
segments_case("seg-k7-5seg-sparse-mc", mat(c(1, 0, 2, 1, 0, 0, 1), c(0, 1, 1, 0, 2, 1, 0),
                                           c(2, 1, 0, 0, 1, 0, 1), c(0, 0, 1, 2, 1, 1, 0),
                                           c(1, 1, 0, 1, 0, 2, 0)))
segments_case("seg-k5-large-n-tiny-segment-mc", mat(c(20000, 20000, 20000, 19990, 19985),
                                                    c(1, 0, 2, 0, 2)))
segments_case("seg-k7-exact-no-ties", mat(c(1, 0, 1, 0, 1, 0, 0), c(0, 1, 0, 1, 0, 0, 1)))
segments_case("seg-k5-exact-no-ties-extreme", mat(c(1, 1, 0, 0, 0), c(0, 0, 1, 1, 1)))
segments_case("seg-k3-exact-no-ties-n2", mat(c(1, 0, 0), c(0, 0, 1)))
segments_case("seg-k5-n5", mat(c(1, 0, 2, 0, 0), c(0, 0, 1, 1, 0)))
segments_case("seg-k5-tiny-p", mat(c(400, 300, 200, 80, 20), c(20, 80, 200, 300, 400)))
segments_case("seg-k4-n100000-chisq", mat(c(12000, 15000, 13000, 10000), c(11800, 15100, 13300, 9800)))
segments_case("seg-k6-identical-segments", mat(c(2, 4, 6, 8, 10, 12), c(2, 4, 6, 8, 10, 12), c(1, 2, 3, 4, 5, 6)))

# random tables: K 3..7, 2..5 segments, n 10..100000
set.seed(20240517)
sizes <- c(10, 30, 60, 120, 250, 600, 1500, 5000, 20000, 100000)
case_no <- 0
for (K in 3:7) {
    for (S in 2:5) {
        case_no <- case_no + 1
        n <- sizes[(case_no %% length(sizes)) + 1]
        base <- runif(K) + 0.2
        tab <- t(sapply(seq_len(S), function(s) {
            probs <- base * exp(rnorm(K, sd = 0.3))
            rmultinom(1, max(1, round(n / S * runif(1, 0.6, 1.4))), probs)
        }))
        if (case_no %% 4 == 0)
            tab[, sample.int(K, 1)] <- 0     # a level nobody chose
        segments_case(sprintf("seg-random-k%d-s%d-n%d", K, S, sum(tab)), tab)
    }
}

## Holm across p-values, NA = not available
holm_case <- function(name, p) {
    input <- paste(ifelse(is.na(p), "NA", sprintf("%.17g", p)), collapse = ",")
    adj <- p.adjust(p, method = "holm")
    for (i in seq_along(p))
        add(name, "holm", input, sprintf("adj_%d", i), adj[i])
}
holm_case("holm-basic", c(0.01, 0.04, 0.03, 0.005))
holm_case("holm-with-na", c(0.02, NA, 0.001, 0.5, NA, 0.03))
holm_case("holm-ties", c(0.01, 0.01, 0.02, 0.02, 0.9))
holm_case("holm-capped-at-1", c(0.3, 0.6, 0.45))
holm_case("holm-single", c(0.0123))
holm_case("holm-all-na", c(NA, NA))
holm_case("holm-tiny", c(1e-300, 2.5e-12, 0.049, 0.051))

## Exact rank-sum distribution: pwilcox
pwilcox_case <- function(q, m, n) {
    name <- sprintf("pwilcox-%g-%d-%d", q, m, n)
    add(name, "pwilcox", sprintf("%.0f %d %d", q, m, n), "p", pwilcox(q, m, n))
}
pwilcox_case(3, 4, 5)
pwilcox_case(0, 3, 3)
pwilcox_case(10, 7, 9)
pwilcox_case(40, 7, 9)
pwilcox_case(100, 20, 15)
pwilcox_case(200, 20, 15)
pwilcox_case(600, 49, 30)
pwilcox_case(12, 49, 49)
pwilcox_case(1200, 49, 49)

dir.create(dirname(out_path), showWarnings = FALSE, recursive = TRUE)
out <- do.call(rbind, rows)
colnames(out) <- c("case", "kind", "input", "statistic", "value")
write.table(out, out_path, sep = "\t", quote = FALSE, row.names = FALSE)
cat(sprintf("%s: %d lines, %d cases (%s)\n", out_path, nrow(out),
            length(unique(out[, 1])), R.version.string))
