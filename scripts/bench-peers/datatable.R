# The prepost job done with R: data.table to read and count, base stats for
# the tests; for scripts/bench.
#
#   Rscript datatable.R SPEC.tsv EXPORT RESULT.tsv
#
# The same job and output as pandas_scipy.py (see there): per item, for
# everyone and per segment level, the before x after counts, improved,
# unchanged, worsened, counts per level and wilcox.test(after, before,
# paired = TRUE)'s p; counts per level of single items; multi-select counts.
# A .gz export is read through `gzip -dc` (fread needs R.utils otherwise).
suppressPackageStartupMessages(library(data.table))
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 3) stop("usage: Rscript datatable.R SPEC.tsv EXPORT RESULT.tsv")

spec <- strsplit(readLines(args[1], encoding = "UTF-8"), "\t", fixed = TRUE)
bar <- function(s) if (is.na(s) || s == "") character(0) else strsplit(s, "|", fixed = TRUE)[[1]]
scales <- list(); items <- list(); seg_col <- NA; seg_levels <- NULL
for (p in spec) {
  if (p[1] == "segment") { seg_col <- as.integer(p[3]) + 1L; seg_levels <- bar(p[4]) }
  else if (p[1] == "scale") scales[[p[2]]] <- list(levels = bar(p[3]), missing = bar(p[4]))
  else items[[length(items) + 1]] <- p
}
used <- seg_col
for (it in items) {
  if (it[1] == "paired") used <- c(used, as.integer(it[4:5]) + 1L)
  if (it[1] == "single") used <- c(used, as.integer(it[4]) + 1L)
  if (it[1] == "multi") used <- c(used, as.integer(bar(it[3])) + 1L)
}
used <- sort(unique(used))
export <- args[2]
read_args <- list(skip = 2, header = FALSE, select = used, colClasses = "character",
                  na.strings = NULL, encoding = "UTF-8", showProgress = FALSE)
if (grepl("\\.gz$", export)) read_args$cmd <- paste("gzip -dc", shQuote(export)) else read_args$file <- export
dt <- do.call(fread, read_args)
col <- function(i) dt[[paste0("V", i)]]

codes <- function(x, sc) {
  k <- match(x, sc$levels)
  m <- match(x, sc$missing)
  ifelse(is.na(k), ifelse(is.na(m), 0L, -m), k)
}
seg <- col(seg_col)
segments <- c(list(list(level = "", mask = rep(TRUE, nrow(dt)))),
              lapply(seg_levels, function(l) list(level = l, mask = seg == l)))
out <- character(0)
put <- function(kind, item, level, key, value)
  out <<- c(out, paste(kind, item, level, key, value, sep = "\t"))

for (it in items) {
  kind <- it[1]; id <- it[2]
  if (kind == "paired") {
    sc <- scales[[it[3]]]; k <- length(sc$levels)
    b <- codes(col(as.integer(it[4]) + 1L), sc)
    a <- codes(col(as.integer(it[5]) + 1L), sc)
    among <- if (is.na(it[6]) || it[6] == "") rep(TRUE, nrow(dt)) else seg == it[6]
    for (s in segments) {
      if (!(is.na(it[6]) || it[6] == "") && !(s$level %in% c("", it[6]))) next
      v <- s$mask & among & b > 0 & a > 0
      pairs <- data.table(b = b[v], a = a[v])
      cells <- pairs[, .N, by = .(b, a)]
      tab <- matrix(0L, k, k)
      tab[cbind(cells$b, cells$a)] <- cells$N
      n <- sum(tab)
      put(kind, id, s$level, "n_pairs", n)
      put(kind, id, s$level, "improved", sum(tab[upper.tri(tab)]))
      put(kind, id, s$level, "unchanged", sum(diag(tab)))
      put(kind, id, s$level, "worsened", sum(tab[lower.tri(tab)]))
      for (i in seq_len(k)) {
        put(kind, id, s$level, paste0("before.", i), sum(tab[i, ]))
        put(kind, id, s$level, paste0("after.", i), sum(tab[, i]))
        put(kind, id, s$level, paste0("pct_before.", i), if (n) 100 * sum(tab[i, ]) / n else "")
        for (j in seq_len(k)) put(kind, id, s$level, paste0("cell.", i, ".", j), tab[i, j])
      }
      p <- if (any(pairs$a != pairs$b))
        wilcox.test(pairs$a, pairs$b, paired = TRUE, exact = FALSE, correct = TRUE)$p.value else ""
      put(kind, id, s$level, "wilcoxon_p", format(p, digits = 15))
    }
  } else if (kind == "single") {
    sc <- scales[[it[3]]]
    x <- codes(col(as.integer(it[4]) + 1L), sc)
    for (s in segments) {
      xs <- x[s$mask]
      put(kind, id, s$level, "n", sum(xs > 0))
      for (i in seq_along(sc$levels)) put(kind, id, s$level, paste0("count.", i), sum(xs == i))
      for (j in seq_along(sc$missing)) put(kind, id, s$level, paste0("missing.", j), sum(xs == -j))
    }
  } else if (kind == "multi") {
    cols <- as.integer(bar(it[3])) + 1L
    for (s in segments) {
      r <- sum(s$mask)
      put(kind, id, s$level, "respondents", r)
      for (j in seq_along(cols)) {
        n <- sum(col(cols[j])[s$mask] != "")
        put(kind, id, s$level, paste0("count.", j), n)
        put(kind, id, s$level, paste0("pct.", j), if (r) 100 * n / r else "")
      }
    }
  }
}
writeLines(out, args[3], useBytes = TRUE)
