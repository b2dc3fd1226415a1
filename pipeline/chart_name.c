/* chart_name.c: the chart name rule of chart_name.h. */
#include "chart_name.h"

const char *pp_chart_name(const pp_item *item)
{
    if (item == NULL || item->kind == PP_ITEM_TEXT)
        return NULL;
    return item->battery != NULL ? item->battery : item->id;
}
