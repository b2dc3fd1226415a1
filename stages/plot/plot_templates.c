/* plot_templates.c: finding the gnuplot templates (plot_templates.h). */
#include "plot_templates.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef PREPOST_SOURCE_PLOTS
#define PREPOST_SOURCE_PLOTS "plots"
#endif

static int has_templates(const char *dir)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, PLOT_TEMPLATE_PROBE);
    return access(path, R_OK) == 0;
}

/* <directory of this program>/../share/prepost/plots, or "" if unknown. */
static void installed_dir(char *out, size_t size)
{
    char exe[PATH_MAX - 32];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    out[0] = '\0';
    if (n <= 0)
        return;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (slash != NULL) {
        *slash = '\0';
        snprintf(out, size, "%s/../share/prepost/plots", exe);
    }
}

char *plot_templates_find(const char *given, pp_diag *diag)
{
    const char *env = getenv("PREPOST_PLOTS");
    const char *named = given ? given : (env && *env ? env : NULL);
    if (named != NULL) {
        if (has_templates(named))
            return strdup(named);
        pp_diag_set(diag, PP_ERR_MISSING, named, 0, "this directory%s holds no chart "
                    "templates (" PLOT_TEMPLATE_PROBE " and the others of prepost's plots/)",
                    given ? "" : " (from PREPOST_PLOTS)");
        return NULL;
    }
    char installed[PATH_MAX];
    installed_dir(installed, sizeof installed);
    if (*installed && has_templates(installed))
        return strdup(installed);
    if (has_templates(PREPOST_SOURCE_PLOTS))
        return strdup(PREPOST_SOURCE_PLOTS);
    pp_diag_set(diag, PP_ERR_MISSING, NULL, 0, "the chart templates are not installed; "
                "name their directory with -t or PREPOST_PLOTS");
    return NULL;
}
