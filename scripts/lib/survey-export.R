# survey-export.R: the codebook and export reading that the R checks share.
#
# scripts/check-nptsc.R, scripts/check-culture-sport.R and
# scripts/stats-reference-e2e.R read the fixtures on their own, without
# prepost; this file is the one copy of how they read them. Each script
# sources it from lib/ next to itself (Rscript's --file=, where Rscript
# writes a space as "~+~"), or from scripts/ when run some other way from
# the repository root.

# --- codebook: sections of key = value, inline "; comments" removed --------
read_ini <- function(path) {
  sections <- list()
  current <- NULL
  for (line in readLines(path, encoding = "UTF-8", warn = FALSE)) {
    line <- trimws(sub("(^|\\s);.*$", "", line))
    if (line == "") next
    if (grepl("^\\[.*\\]$", line)) {
      current <- trimws(substr(line, 2, nchar(line) - 1))
      sections[[current]] <- list()
    } else {
      eq <- regexpr("=", line, fixed = TRUE)
      key <- trimws(substr(line, 1, eq - 1))
      sections[[current]][[key]] <- trimws(substr(line, eq + 1, nchar(line)))
    }
  }
  sections
}
split_bar <- function(x) trimws(strsplit(x, "|", fixed = TRUE)[[1]])
# SPEC section 3: case, white space and typographic quotes never matter.
norm <- function(x) {
  x <- gsub("[\u2018\u2019]", "'", x)
  x <- gsub("[\u201c\u201d]", "\"", x)
  tolower(gsub("\\s+", " ", trimws(x)))
}

# Section names are "KIND NAME" ("paired awareness", "segment sector").
kind_of <- function(s) sub(" .*$", "", s)
name_of <- function(s) sub("^[^ ]+ ", "", s)
sections_of <- function(cb, kind) names(cb)[vapply(names(cb), kind_of, "") == kind]

# --- exports ------------------------------------------------------------------
# SurveyMonkey, gzipped: two header rows, the question (blank where it spans
# the previous one) and the sub-label; a column is "question / sub-label"
# unless the sub-label is empty or SurveyMonkey's "Response" or
# "Open-Ended Response". Every cell is text; nothing is NA.
read_surveymonkey <- function(path) {
  raw <- read.csv(gzfile(path, encoding = "UTF-8"), header = FALSE,
                  colClasses = "character", check.names = FALSE,
                  encoding = "UTF-8", na.strings = character(0))
  question <- unlist(raw[1, ])
  sublabel <- unlist(raw[2, ])
  for (i in seq_along(question))
    if (question[i] == "" && i > 1) question[i] <- question[i - 1]
  colname <- ifelse(sublabel %in% c("", "Response", "Open-Ended Response"),
                    question, paste(question, "/", sublabel))
  data <- raw[-(1:2), ]
  names(data) <- colname
  data
}
# Google Forms and plain exports: one header row, a byte-order mark allowed.
read_one_header <- function(path)
  read.csv(path, colClasses = "character", check.names = FALSE,
           encoding = "UTF-8", fileEncoding = "UTF-8-BOM",
           na.strings = character(0))

# The column a codebook reference names, matched as SPEC section 3 says;
# it must be there exactly once.
export_column <- function(data, ref) {
  hit <- which(norm(names(data)) == norm(ref))
  if (length(hit) != 1) stop("column not found exactly once: ", ref)
  data[[hit]]
}
