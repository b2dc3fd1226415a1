# options.gp: a tick-all-that-apply chart: one bar per option, its share of
# respondents with a whisker for its 95% (Wilson) interval. prepost-plot
# defines, before loading this file:
#
#   $text      "title" / "n = 250" / "base under 50: too small to conclude
#              from" (or ""); a chart by segment: "title" / "By sector" / ""
#   $headings  "label" first_row headings indent "base" "flag": an item's
#              name over its options (in a battery); in a chart by segment,
#              each level's name over its options with its own base
#              ("n = 217") and small-base flag (or ""), and the items' names
#              under it (indent 1)
#   $rows      "label" row headings: each option top to bottom (row 0
#              first) and how many headings are at or above it
#   $bars      row headings valid percent lower upper item option: valid is
#              0 when nobody answered (no share to draw); the item's place
#              in the chart and the option's in the item, from 1
#   row_count, heading_count, upper_max (the highest interval end,
#   percent), templates, svg_file, png_file
#
# Everything that shows is decided here; restyle freely.

load templates . '/common.gp'

row_step = 1.0
bar_half = 0.32
heading_step = 1.05

round_up(x, step) = step * ceil(x / step)
x_high = round_up(upper_max, 10)
x_high = x_high < 10 ? 10 : x_high > 100 ? 100 : x_high
y_of(row, headings) = -(row * row_step + headings * heading_step)
y_top = heading_count > 0 ? 0.35 : 0.6
y_bottom = y_of(row_count - 1, heading_count) - 0.6
chart_height = int(120 + 17 * lines_in(chart_title) + 36 * (y_top - y_bottom))

set termoption noenhanced
unset border
set xrange [0 : x_high]
set yrange [y_bottom : y_top]
set title chart_title . "\n" . chart_base . (strlen(chart_flag) > 0 ? " · " . chart_flag : "") \
    textcolor rgb text_dark
set xtics 0, 10 out nomirror scale 0.5 format '%g%%' textcolor rgb axis_colour
set ytics () scale 0 textcolor rgb text_dark
set grid xtics back linecolor rgb grid_colour
set xlabel '% of respondents (bars: 95% interval)' textcolor rgb axis_colour font label_font
do for [i = 1 : heading_count] {
    line = $headings[i + 1]
    heading_y = y_of(real(word(line, 2)), real(word(line, 3))) + 0.62
    set label 10 + i heading_text(line) at screen heading_x(line), first heading_y left \
        font heading_font textcolor rgb text_dark boxed front
    if (strlen(word(line, 6)) > 0) {
        set label 100000 + i word(line, 6) at screen 0.985, first heading_y right \
            font label_font textcolor rgb flag_colour boxed front
    }
}
set style textbox opaque noborder margins 1, 1
if (row_count == 0) {           # by segment, no level to draw: the subtitle says why
    unset xtics
    unset ytics
    unset grid
    set xlabel ''
    set label 3 'no bars to draw' at graph 0.5, graph 0.5 center textcolor rgb axis_colour
}
set style fill solid 1.0 noborder
set rmargin 8                   # room for a "100%" label past a whisker that ends at 100
unset key

set terminal svg size chart_width, chart_height noenhanced font svg_font background rgb 'white'
set output svg_file
shown(valid, x) = valid != 0 ? x : NaN
plot $bars using (shown($3, 0)):(y_of($1, $2)):(0):($4):(y_of($1, $2) - bar_half):(y_of($1, $2) + bar_half) \
         with boxxy fillcolor rgb bar_colour, \
     $bars using (shown($3, $4)):(y_of($1, $2)):($5):($6) \
         with xerrorbars pointtype -1 linecolor rgb whisker_colour linewidth 1.2, \
     $bars using (shown($3, $6)):(y_of($1, $2)):(sprintf('%.0f%%', $4)) \
         with labels left offset 0.8, 0 font label_font textcolor rgb text_dark, \
     $rows using (NaN):(y_of($2, $3)):ytic(wrap(strcol(1), label_width)) with points
set terminal pngcairo size chart_width, chart_height noenhanced font png_font background rgb 'white'
set output png_file
replot
unset output
