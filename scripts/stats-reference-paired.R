#!/usr/bin/env Rscript
# stats-reference-paired.R: reference values for the paired statistics of
# SPEC section 5, computed by R itself (and coin for Stuart-Maxwell), for the
# unit test tests/unit/test_paired_stats.c.
#
# Usage (from the repository root; needs R 4.2 with coin):
#   Rscript scripts/stats-reference-paired.R fixtures/stats/paired-reference.tsv
#
# Each table is a K x K matrix of counts: row = code before (1..K), column =
# code after, worst to best. The output is long-format TSV, one statistic per
# line:  table <TAB> statistic <TAB> value.  The first lines of every table
# give its definition (k, counts row-major, is_top, is_bottom); "NA" means
# the statistic must come out "not available". Percentages are 0..100;
# top_shift_pp and its interval are in percentage points.
suppressPackageStartupMessages(library(coin))

args <- commandArgs(trailingOnly = TRUE)
out_path <- if (length(args) >= 1) args[1] else "fixtures/stats/paired-reference.tsv"

# --- Newcombe (1998) method 10, written from the paper's formulae ----------

wilson_limits <- function(x, n, z = qnorm(0.975)) {
  centre <- 2 * x + z^2
  half <- z * sqrt(z^2 + 4 * x * (n - x) / n)
  c((centre - half) / (2 * (n + z^2)), (centre + half) / (2 * (n + z^2)))
}

# a = top before and after, b = top after only, c = top before only,
# d = neither: p1 = after share, p2 = before share, theta = p1 - p2.
# convention "altman": when ad > bc, phi uses max(ad - bc - n/2, 0).
newcombe10 <- function(a, b, c, d, convention) {
  a <- as.double(a); b <- as.double(b); c <- as.double(c); d <- as.double(d)
  n <- a + b + c + d
  p1 <- (a + b) / n
  p2 <- (a + c) / n
  w1 <- wilson_limits(a + b, n)
  w2 <- wilson_limits(a + c, n)
  margins <- (a + b) * (c + d) * (a + c) * (b + d)
  cross <- a * d - b * c
  if (convention == "altman" && cross > 0) cross <- max(cross - n / 2, 0)
  phi <- if (margins == 0) 0 else cross / sqrt(margins)
  theta <- p1 - p2
  lower <- theta - sqrt((p1 - w1[1])^2 - 2 * phi * (p1 - w1[1]) * (w2[2] - p2) + (w2[2] - p2)^2)
  upper <- theta + sqrt((p2 - w2[1])^2 - 2 * phi * (p2 - w2[1]) * (w1[2] - p1) + (w1[2] - p1)^2)
  c(lower, upper)
}

# The worked examples of Newcombe (1998), Table II, method 10 (4 decimals as
# printed; his a,b,c,d with theta = (b - c)/n): the paper uses the N/2
# adjustment, which is why it is our default.
check_newcombe <- function(a, b, c, d, lower, upper) {
  got <- newcombe10(a, b, c, d, "altman")
  if (any(abs(got - c(lower, upper)) > 5e-5))
    stop(sprintf("Newcombe example %d,%d,%d,%d: got %.4f %.4f", a, b, c, d, got[1], got[2]))
}
check_newcombe(36, 12, 2, 0, 0.0569, 0.3404)
check_newcombe(18, 12, 2, 18, 0.0562, 0.3290)
check_newcombe(53, 0, 0, 1, -0.0729, 0.0729)
check_newcombe(0, 30, 0, 0, 0.8395, 1.0000)

# --- Stuart-Maxwell as coin computes it ------------------------------------
# coin::mh_test conditions on the pairs: a discordant pair (i, j) adds
# (e_i - e_j)(e_i - e_j)'/4 to the covariance of the after-counts, whose
# deviation from expectation is (col - row)/2. Statistic d' S^+ d with the
# Moore-Penrose inverse (eigenvalues below sqrt(eps) times the largest are
# zero, as libcoin does) and df = rank(S). Checked against coin itself on
# every table with n <= 5000 (coin is too slow for larger ones).
stuart_maxwell_formula <- function(m) {
  m <- matrix(as.double(m), nrow(m))
  dev <- (colSums(m) - rowSums(m)) / 2
  S <- -(m + t(m)) / 4
  diag(S) <- (rowSums(m) + colSums(m) - 2 * diag(m)) / 4
  e <- eigen(S, symmetric = TRUE)
  if (e$values[1] <= 0) return(c(NA, NA, NA))
  keep <- e$values > sqrt(.Machine$double.eps) * e$values[1]
  proj <- crossprod(e$vectors[, keep, drop = FALSE], dev)
  chi2 <- sum(proj^2 / e$values[keep])
  c(chi2, sum(keep), pchisq(chi2, sum(keep), lower.tail = FALSE))
}

# --- every statistic of one table -------------------------------------------

try_na <- function(expr) tryCatch(suppressWarnings(expr), error = function(e) NA)

paired_reference <- function(m, is_top, is_bottom) {
  k <- nrow(m)
  n <- sum(m)
  before <- rep(rep(1:k, times = k), times = as.vector(m))   # column-major walk
  after <- rep(rep(1:k, each = k), times = as.vector(m))
  d <- after - before
  s <- list(n_pairs = n, improved = sum(d > 0), unchanged = sum(d == 0),
            worsened = sum(d < 0))
  for (lev in 1:k) s[[paste0("pct_before_", lev)]] <- if (n > 0) 100 * sum(before == lev) / n else NA
  for (lev in 1:k) s[[paste0("pct_after_", lev)]] <- if (n > 0) 100 * sum(after == lev) / n else NA
  s$mean_before <- if (n > 0) mean(before) else NA
  s$mean_after <- if (n > 0) mean(after) else NA
  s$mean_shift <- if (n > 0) mean(d) else NA
  ci <- try_na(t.test(after, before, paired = TRUE)$conf.int)
  s$mean_shift_ci_low <- ci[1]
  s$mean_shift_ci_high <- if (length(ci) == 2) ci[2] else NA

  top_b <- is_top[before] == 1
  top_a <- is_top[after] == 1
  both <- sum(top_b & top_a); after_only <- sum(!top_b & top_a)
  before_only <- sum(top_b & !top_a); neither <- sum(!top_b & !top_a)
  s$top_before <- if (n > 0) 100 * mean(top_b) else NA
  s$top_after <- if (n > 0) 100 * mean(top_a) else NA
  s$top_shift_pp <- if (n > 0) 100 * (mean(top_a) - mean(top_b)) else NA
  nc_altman <- if (n > 0) 100 * newcombe10(both, after_only, before_only, neither, "altman") else c(NA, NA)
  nc_plain <- if (n > 0) 100 * newcombe10(both, after_only, before_only, neither, "plain") else c(NA, NA)
  s$top_shift_ci_low <- nc_altman[1]; s$top_shift_ci_high <- nc_altman[2]
  s$top_shift_ci_low_plain <- nc_plain[1]; s$top_shift_ci_high_plain <- nc_plain[2]
  s$bottom_before <- if (n > 0) 100 * mean(is_bottom[before] == 1) else NA
  s$bottom_after <- if (n > 0) 100 * mean(is_bottom[after] == 1) else NA

  s$mcnemar_p <- if (before_only + after_only > 0)
    binom.test(before_only, before_only + after_only, 0.5)$p.value else NA
  s$sign_p <- if (s$improved + s$worsened > 0)
    binom.test(s$improved, s$improved + s$worsened)$p.value else NA

  w <- try_na(wilcox.test(after, before, paired = TRUE))
  # with every pair unchanged R 4.2 returns V = 0 and p = NaN: not available
  if (is.list(w) && is.finite(w$p.value)) {
    s$wilcoxon_V <- unname(w$statistic)
    s$wilcoxon_p <- w$p.value
    s$wilcoxon_method <- if (grepl("exact", w$method)) "exact" else "normal, tie- and continuity-corrected"
    nz <- d[d != 0]
    r <- rank(abs(nz))
    s$rank_biserial <- (sum(r[nz > 0]) - sum(r[nz < 0])) / sum(r)
  } else {
    s$wilcoxon_V <- NA; s$wilcoxon_p <- NA; s$wilcoxon_method <- NA; s$rank_biserial <- NA
  }

  sm <- stuart_maxwell_formula(m)
  if (n <= 5000) {           # coin expands the table to one row per pair: slow beyond
    mh <- try_na(mh_test(as.table(m)))
    if (isS4(mh) && is.finite(statistic(mh))) {
      coin_sm <- c(unname(statistic(mh)), mh@statistic@df, unname(pvalue(mh)))
      # coin reports 1 - pchisq(), so a p-value under 1e-16 comes out as 0
      if (any(is.na(sm)) || any(abs(coin_sm - sm) > pmax(1e-9 * abs(sm), c(0, 0, 1e-15))))
        stop(sprintf("closed form and coin::mh_test disagree: %s vs %s", paste(sm, collapse=" "), paste(coin_sm, collapse=" ")))
      sm <- coin_sm
    } else if (!all(is.na(sm))) stop("coin::mh_test gave no statistic where the formula does")
  }
  s$stuart_maxwell_chi2 <- sm[1]; s$stuart_maxwell_df <- sm[2]; s$stuart_maxwell_p <- sm[3]
  if (k == 2 && is.finite(s$stuart_maxwell_chi2)) {   # K = 2: McNemar without correction
    mc <- unname(mcnemar.test(m, correct = FALSE)$statistic)
    stopifnot(abs(mc - s$stuart_maxwell_chi2) < 1e-9 * mc)
  }
  s
}

# --- the tables ---------------------------------------------------------------

tables <- list()
add <- function(name, k, counts, top = NULL, bottom = 1) {
  m <- matrix(counts, k, k, byrow = TRUE)
  if (is.null(top)) top <- if (k >= 4) c(k - 1, k) else k
  is_top <- as.integer(1:k %in% top)
  is_bottom <- as.integer(1:k %in% bottom)
  tables[[length(tables) + 1]] <<- list(name = name, m = m, is_top = is_top, is_bottom = is_bottom)
}
# one pair per listed (before, after)
pairs_table <- function(k, before, after) {
  m <- matrix(0, k, k)
  for (i in seq_along(before)) m[before[i], after[i]] <- m[before[i], after[i]] + 1
  as.vector(t(m))
}
# counts drawn from a smooth model: change of size |j - i| gets rarer, the
# mean moves by `drift`; levels in `empty` are never chosen.
model_table <- function(k, n, drift, spread, empty = integer(0)) {
  p <- outer(1:k, 1:k, function(i, j) exp(-abs(j - i) / spread + drift * (j - i)))
  p <- p * outer(dnorm(1:k, mean = (k + 1) / 2, sd = k / 2), rep(1, k))
  p[empty, ] <- 0; p[, empty] <- 0
  m <- matrix(rmultinom(1, n, as.vector(p)), k, k)
  as.vector(t(m))
}

# degenerate tables
add("empty_k5", 5, rep(0, 25))
add("all_unchanged_k4", 4, c(10,0,0,0, 0,5,0,0, 0,0,0,0, 0,0,0,3))
add("one_pair_k3", 3, pairs_table(3, 1, 3))
add("two_pairs_same_shift_k4", 4, pairs_table(4, c(1, 2), c(2, 3)))
add("all_shift_up_one_k5", 5, c(0,4,0,0,0, 0,0,6,0,0, 0,0,0,3,0, 0,0,0,0,2, 0,0,0,0,0))
add("no_top_change_k5", 5, c(3,2,0,0,0, 1,4,2,0,0, 0,1,5,0,0, 0,0,0,6,0, 0,0,0,0,4))
add("only_bottom_level_used_k3", 3, c(7,0,0, 0,0,0, 0,0,0))
add("top_never_chosen_k4", 4, c(3,2,0,0, 1,4,0,0, 0,0,0,0, 0,0,0,0))
# exact Wilcoxon: distinct |d|, no zero differences
add("exact_k7_signs_mixed", 7, pairs_table(7, c(3,5,1,2,7,1), c(4,3,4,6,2,7)))
add("exact_k7_all_improved", 7, pairs_table(7, c(1,1,2,1,2), c(2,3,5,5,7)))
add("exact_k6_mixed", 6, pairs_table(6, c(2,6,1,5,1), c(3,4,4,1,6)))
add("exact_k5_one_worse", 5, pairs_table(5, c(3,1,2,1), c(2,3,5,5)))
add("exact_k4_all_worse", 4, pairs_table(4, c(2,3,4), c(1,1,1)))
add("exact_k3_two", 3, pairs_table(3, c(1,3), c(2,1)))
add("exact_k3_one_up", 3, pairs_table(3, 2, 3))
# normal path forced by zeros or ties in tiny tables
add("zeros_no_ties_k4", 4, pairs_table(4, c(1,2,1,1), c(1,3,3,4)))
add("ties_small_k3", 3, pairs_table(3, c(1,1,2,2,3), c(2,2,3,1,3)))
add("ties_small_k5", 5, pairs_table(5, c(1,2,3,4,5,1,2), c(2,3,4,5,4,1,2)))
# empty levels and a singular covariance beyond the usual one
add("empty_middle_level_k5", 5, c(5,2,0,1,0, 3,4,0,2,1, 0,0,0,0,0, 1,2,0,6,3, 0,1,0,2,5))
add("two_empty_levels_k7", 7, c(4,2,0,1,0,0,0, 1,5,0,2,0,1,0, 0,0,0,0,0,0,0, 0,1,0,6,0,3,1, 0,0,0,0,0,0,0, 0,0,0,2,0,7,2, 0,0,0,1,0,1,4))
add("two_blocks_k4", 4, c(5,2,0,0, 3,4,0,0, 0,0,3,1, 0,0,4,6))
add("level_only_unchanged_k4", 4, c(6,3,0,1, 2,5,0,2, 0,0,4,0, 1,1,0,7))
# Altman phi adjustment matters (ad - bc between 0 and n/2, and above)
add("phi_small_positive_k3", 3, c(4,3,2, 2,3,3, 2,2,3), top = 3)
add("newcombe_example_b_k3", 3, c(0,0,0, 0,18,2, 0,12,18), top = 3)   # 18,12,2,18 as top box
add("newcombe_example_a_k3", 3, c(0,0,0, 0,0,2, 0,12,36), top = 3)    # 36,12,2,0
add("k2_mcnemar", 2, c(20,9, 3,15), top = 2)
add("k2_large", 2, c(4000,1200, 900,3900), top = 2)
# hand-made moderate tables
add("moderate_k4_improving", 4, c(10,12,6,2, 3,20,15,4, 1,4,25,14, 0,1,3,30))
add("moderate_k5_worsening", 5, c(20,3,1,0,0, 8,25,4,1,0, 3,9,30,5,1, 1,2,10,28,4, 0,1,3,9,22))
add("all_to_top_k6", 6, c(0,0,0,0,0,5, 0,0,0,0,0,7, 0,0,0,0,0,9, 0,0,0,0,0,4, 0,0,0,0,0,3, 0,0,0,0,0,2))

set.seed(20110301)
grid <- expand.grid(k = 3:7, n = c(5, 40, 300, 5000, 100000))
for (row in seq_len(nrow(grid))) {
  k <- grid$k[row]; n <- grid$n[row]
  drift <- c(0.35, 0, -0.2, 0.1, 0.5)[(row %% 5) + 1]
  empty <- if (row %% 4 == 0) sample(2:(k - 1), 1) else integer(0)
  add(sprintf("model_k%d_n%d%s", k, n, if (length(empty)) "_with_empty_level" else ""),
      k, model_table(k, n, drift, spread = 0.8 + (row %% 3) * 0.6, empty = empty))
}

# --- write ----------------------------------------------------------------------

fmt <- function(v) {
  if (length(v) == 0 || is.na(v)) return("NA")
  if (is.character(v)) return(v)
  if (v == round(v) && abs(v) < 1e15) return(sprintf("%.0f", v))
  sprintf("%.17g", v)
}
con <- file(out_path, "w")
writeLines(c("# Reference values for tests/unit/test_paired_stats.c, written by",
             "# scripts/stats-reference-paired.R (R 4.2.2, coin for Stuart-Maxwell).",
             "# table<TAB>statistic<TAB>value; NA = must be not available.",
             "table\tstatistic\tvalue"), con)
for (tab in tables) {
  m <- tab$m
  s <- paired_reference(m, tab$is_top, tab$is_bottom)
  lines <- c(sprintf("%s\tk\t%d", tab$name, nrow(m)),
             sprintf("%s\tcounts\t%s", tab$name, paste(sprintf("%.0f", as.vector(t(m))), collapse = ",")),
             sprintf("%s\tis_top\t%s", tab$name, paste(tab$is_top, collapse = ",")),
             sprintf("%s\tis_bottom\t%s", tab$name, paste(tab$is_bottom, collapse = ",")))
  for (stat in names(s)) lines <- c(lines, sprintf("%s\t%s\t%s", tab$name, stat, fmt(s[[stat]])))
  writeLines(lines, con)
}
close(con)
cat(sprintf("%d tables written to %s\n", length(tables), out_path))
