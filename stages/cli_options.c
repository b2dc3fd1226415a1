/* cli_options.c: the command line options every stage has (cli_options.h). */
#include "cli_options.h"

#include <stdlib.h>

#include "cli.h"

enum { MAX_OWN_OPTIONS = 8 };

static const struct option common_longs[] = {
    {"output", required_argument, NULL, 'o'},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
};
#define N_COMMON (sizeof common_longs / sizeof common_longs[0])

int cli_parse_options(int argc, char **argv, cli_common *common, void (*help)(FILE *out),
                      const char *shorts, const struct option *longs,
                      cli_option_fn *own, void *stage)
{
    struct option all[N_COMMON + MAX_OWN_OPTIONS + 1] = {{0}};
    char all_shorts[8 + 3 * MAX_OWN_OPTIONS];
    size_t n = 0;
    for (; n < N_COMMON; n++)
        all[n] = common_longs[n];
    for (size_t i = 0; longs != NULL && longs[i].name != NULL; i++) {
        if (i == MAX_OWN_OPTIONS)
            cli_die(EXIT_SOFTWARE, "internal error: more than %d options of its own",
                    MAX_OWN_OPTIONS);
        all[n++] = longs[i];
    }
    if (snprintf(all_shorts, sizeof all_shorts, "o:qhV%s", shorts ? shorts : "")
        >= (int)sizeof all_shorts)
        cli_die(EXIT_SOFTWARE, "internal error: too many short options");
    int c;
    while ((c = getopt_long(argc, argv, all_shorts, all, NULL)) != -1) {
        switch (c) {
        case 'o': common->output = optarg; break;
        case 'q': common->quiet = 1; break;
        case 'h': help(stdout); exit(EXIT_OK);
        case 'V': cli_print_version(stdout); exit(EXIT_OK);
        case '?': cli_usage_error("unknown option or missing value");
        default: own(c, optarg, stage); break;
        }
    }
    return optind;
}
