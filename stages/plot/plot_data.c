/* plot_data.c: what the diverging and options charts' data share
 * (plot_data.h). */
#include "plot_data.h"

#include "plot_text.h"

void plot_data_begin(FILE *out, const char *name)
{
    fprintf(out, "$%s << %s\n", name, PLOT_EOD);
}

void plot_data_end(FILE *out)
{
    fprintf(out, "%s\n", PLOT_EOD);
}

int plot_data_text(FILE *out, const char *title, const char *base, const char *flag)
{
    const char *lines[3] = {title, base, flag};
    plot_data_begin(out, "text");
    for (int i = 0; i < 3; i++) {
        if (plot_write_field(out, lines[i], PLOT_TITLE_MAX) != 0)
            return -1;
        fputc('\n', out);
    }
    plot_data_end(out);
    return 0;
}

int plot_heading(FILE *out, const char *label, size_t first_row, size_t headings,
                 int indent, const char *base, const char *flag)
{
    if (plot_write_field(out, label, PLOT_LABEL_MAX) != 0)
        return -1;
    fprintf(out, " %zu %zu %d ", first_row, headings, indent);
    if (plot_write_field(out, base, PLOT_LABEL_MAX) != 0)
        return -1;
    fputc(' ', out);
    if (plot_write_field(out, flag, PLOT_LABEL_MAX) != 0)
        return -1;
    fputc('\n', out);
    return 0;
}

void plot_base_text(char *buf, size_t size, long min, long max, const char *one,
                    const char *many)
{
    const char *unit = min == 1 && max == 1 ? one : many;
    const char *space = unit && *unit ? " " : "";
    if (min == max)
        snprintf(buf, size, "n = %ld%s%s", min, space, unit ? unit : "");
    else
        snprintf(buf, size, "n = %ld to %ld%s%s", min, max, space, unit ? unit : "");
}

void plot_flag_text(char *buf, size_t size, int small_base, long min_base)
{
    if (small_base)
        snprintf(buf, size, "base under %ld: too small to conclude from", min_base);
    else if (size > 0)
        buf[0] = '\0';
}
