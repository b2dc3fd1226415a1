/* plot_templates.h: where the gnuplot templates (the .gp files) are.
 *
 * In order: the directory given with -t; else $PREPOST_PLOTS; else
 * <directory of the program>/../share/prepost/plots (an installed
 * prepost); else the plots/ directory of the source tree it was built
 * from. A directory named by -t or PREPOST_PLOTS must hold the templates. */
#ifndef PREPOST_PLOT_TEMPLATES_H
#define PREPOST_PLOT_TEMPLATES_H

#include "diag.h"

/* The template every chart kind needs, to recognise a templates directory. */
#define PLOT_TEMPLATE_PROBE "diverging.gp"

/* The directory as a malloc'd string, or NULL with diag (PP_ERR_MISSING)
 * set. `given` is the -t value or NULL. */
char *plot_templates_find(const char *given, pp_diag *diag);

#endif
