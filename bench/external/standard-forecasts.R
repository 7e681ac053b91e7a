# Standard statistical packages' forecasts for the external accuracy benchmark (issue 3).
#
# The collection: every monthly series (a `ts` with frequency 12, and each column of a monthly
# multivariate `ts`) in the data of the R packages listed in `packages` below, which are all the
# packages with monthly data that Debian 12 installs with
#   apt-get install --no-install-recommends r-base-core r-cran-forecast r-cran-aer r-cran-strucchange
# Rules, applied mechanically (nobody picked or dropped a series by looking at it):
#   - columns that the package documents as transforms of another column of the same object are
#     skipped (lmtest's dy, dy1..dy6: differences and their lags; strucchange durab's `lag`),
#     and so are 0/1 indicator columns (Seatbelts' `law`), which are regressors, not quantities;
#   - a series with missing values keeps its last complete (NA-free) stretch;
#   - a series whose values are identical (same start, same values) to an earlier one is a
#     duplicate and is skipped (e.g. MASS::drivers = datasets::UKDriverDeaths);
#   - a series needs at least 36 training + 12 held-out points.
# For each series the last 12 points are held out; ets(), auto.arima() and thetaf() of the
# forecast package, all with their defaults, forecast them from the rest (h = 12).
#
# Output (committed, so the TypeScript benchmark runs without R):
#   monthly-series.csv : series_id,month,value,split,ets,arima,theta (one row per month;
#                        split = train|test; forecasts only on test rows)
#   series-info.csv    : series_id,package,object,column,first_month,n_train,ets_model,arima_model
#
# Run from the repository root: Rscript bench/external/standard-forecasts.R
suppressMessages(library(forecast))

packages <- c("datasets", "MASS", "boot", "forecast", "tseries", "lmtest", "AER", "strucchange")
horizon <- 12
minimumTrain <- 36
derivedColumns <- list(lmtest = c("dy", paste0("dy", 1:6)), strucchange = c("lag"), datasets = c("law"))
outDir <- "bench/external"

cat("R", R.version$major, ".", R.version$minor, "\n", sep = "")
for (p in packages) cat(p, as.character(packageVersion(p)), "\n")

monthOf <- function(x) sprintf("%04d-%02d", floor(time(x) + 1e-6), cycle(x))

lastCompleteStretch <- function(x) {
  if (!anyNA(x)) return(x)
  bad <- which(is.na(x))
  from <- max(bad) + 1
  if (from > length(x)) return(NULL)
  window(x, start = time(x)[from])
}

candidates <- list()
for (p in packages) {
  items <- data(package = p)$results[, "Item"]
  for (it in items) {
    file <- if (grepl("\\(", it)) sub(".*\\((.*)\\)", "\\1", it) else it
    obj <- sub(" .*", "", it)
    e <- new.env()
    ok <- tryCatch({ suppressWarnings(data(list = file, package = p, envir = e)); TRUE }, error = function(err) FALSE)
    if (!ok || !exists(obj, envir = e, inherits = FALSE)) next
    x <- get(obj, envir = e)
    if (!is.ts(x) || frequency(x) != 12) next
    if (is.matrix(x)) {
      # a multivariate ts that also exists as separate objects (tseries' nino, tcm) is met twice;
      # the duplicate rule below keeps the first copy
      for (cn in colnames(x)) {
        if (cn %in% derivedColumns[[p]]) next
        candidates[[length(candidates) + 1]] <- list(package = p, object = obj, column = cn, x = x[, cn])
      }
    } else {
      candidates[[length(candidates) + 1]] <- list(package = p, object = obj, column = "", x = x)
    }
  }
}

seen <- character(0)
rows <- list()
info <- list()
for (cand in candidates) {
  x <- lastCompleteStretch(cand$x)
  if (is.null(x) || length(x) < minimumTrain + horizon) {
    cat("skip (too short)", cand$package, cand$object, cand$column, "\n"); next
  }
  key <- paste(start(x)[1], start(x)[2], paste(format(as.numeric(x), digits = 15), collapse = ","))
  if (key %in% seen) { cat("skip (duplicate)", cand$package, cand$object, cand$column, "\n"); next }
  seen <- c(seen, key)
  id <- paste0(cand$package, "::", cand$object, if (cand$column != "") paste0("$", cand$column) else "")
  n <- length(x)
  train <- ts(as.numeric(x)[1:(n - horizon)], start = start(x), frequency = 12)
  etsFit <- ets(train)
  arimaFit <- auto.arima(train)
  fe <- as.numeric(forecast(etsFit, h = horizon)$mean)
  fa <- as.numeric(forecast(arimaFit, h = horizon)$mean)
  ft <- as.numeric(thetaf(train, h = horizon)$mean)
  months <- monthOf(x)
  split <- c(rep("train", n - horizon), rep("test", horizon))
  pad <- function(f) c(rep(NA, n - horizon), f)
  rows[[length(rows) + 1]] <- data.frame(series_id = id, month = months, value = as.numeric(x), split = split,
                                         ets = pad(fe), arima = pad(fa), theta = pad(ft))
  info[[length(info) + 1]] <- data.frame(series_id = id, package = cand$package, object = cand$object,
                                         column = cand$column, first_month = months[1], n_train = n - horizon,
                                         ets_model = etsFit$method, arima_model = as.character(arimaFit))
  cat("done", id, n, etsFit$method, as.character(arimaFit), "\n")
}

fmt <- function(v) ifelse(is.na(v), "", format(v, digits = 10, scientific = FALSE, trim = TRUE))
all <- do.call(rbind, rows)
for (col in c("value", "ets", "arima", "theta")) all[[col]] <- sapply(all[[col]], fmt)
write.csv(all, file.path(outDir, "monthly-series.csv"), row.names = FALSE, quote = FALSE, na = "")
write.csv(do.call(rbind, info), file.path(outDir, "series-info.csv"), row.names = FALSE, na = "")
cat("series:", length(rows), "\n")
