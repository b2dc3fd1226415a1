# diverging.gp: a rating chart: one stacked bar per item (two for a
# before/after item, before above after), centred on the scale's neutral
# level, with answers kept off the scale ("Don't know") in a bar of their
# own to the right. prepost-plot defines, before loading this file:
#
#   $text      "title" / "n = 212 pairs" / "base under 50: too small to
#              conclude from" (or ""); a chart by segment: "title" /
#              "By sector" / ""
#   $levels    "label" kind index tone: each level of the scale, worst to
#              best (kind 0, tone -1 .. 0 the centre .. 1), then each
#              missing label (kind 1)
#   $rows      "label" row headings n missing item: each bar top to bottom
#              (row 0 first), how many headings are at or above it, who
#              answered, the percent who gave a missing label, and its
#              item's place in the chart (1 the first in the codebook)
#   $headings  "label" first_row headings indent "base" "flag": an item's
#              name over its before and after bars (in a battery); in a
#              chart by segment, each level's name over its bars with its
#              own base ("n = 217 pairs") and small-base flag (or ""), and
#              the items' names under it (indent 1)
#   $segments  row headings kind index from to percent tone: where each
#              level's piece of a bar runs; levels from the zero line,
#              missing labels from the start of their own bar
#   row_count, heading_count, level_count, missing_count, centre,
#   extent_left, extent_right, missing_max (the widest bars, percent),
#   templates, svg_file, png_file
#
# Everything that shows is decided here; restyle freely.

load templates . '/common.gp'

row_step = 1.0                  # bar pitch
bar_half = 0.36                 # half a bar's thickness
heading_step = 1.05             # room taken by a heading
label_min = 5                   # percent: narrower pieces go unlabelled

round_up(x, step) = step * ceil(x / step)
limit = round_up(extent_left > extent_right ? extent_left : extent_right, 10)
limit = limit < 10 ? 10 : limit
tic_step = limit <= 60 ? 10 : 20
missing_gap = missing_count > 0 ? 0.1 * limit + 4 : 0
missing_at = limit + missing_gap
missing_width = missing_count > 0 ? round_up(missing_max, 10) + 10 : 0   # + room for its label
x_high = missing_at + missing_width

y_of(row, headings) = -(row * row_step + headings * heading_step)
y_top = heading_count > 0 ? 0.35 : 0.6
y_bottom = y_of(row_count - 1, heading_count) - 0.6
x_at(kind, x) = kind == 0 ? x : missing_at + x
piece_colour(kind, index, tone) = kind == 0 ? level_colour(tone) : missing_colour(index)
level_label(i) = word($levels[i + 1], 1)
level_key_colour(i) = piece_colour(real(word($levels[i + 1], 2)), real(word($levels[i + 1], 3)), \
                                   real(word($levels[i + 1], 4)))

chart_height = int(150 + 17 * lines_in(chart_title) + 36 * (y_top - y_bottom) \
                   + 22 * ceil((level_count + missing_count) / 3.0))

set termoption noenhanced
unset border
set xrange [-limit : x_high]
set yrange [y_bottom : y_top]
set title chart_title . "\n" . chart_base . (strlen(chart_flag) > 0 ? " · " . chart_flag : "") \
    textcolor rgb text_dark
set xtics () out nomirror scale 0.5 textcolor rgb axis_colour
do for [t = 0 : limit : tic_step] { set xtics add (sprintf('%d%%%%', t) t, sprintf('%d%%%%', t) -t) }
set ytics () scale 0 textcolor rgb text_dark
unset mytics
set grid xtics front linecolor rgb grid_colour
set grid noxtics
if (missing_count > 0) {
    set arrow 2 from limit + missing_gap / 2, graph 0 to limit + missing_gap / 2, graph 1 \
        nohead back linecolor rgb grid_colour dashtype 2
}
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
    unset arrow
    set label 3 'no bars to draw' at graph 0.5, graph 0.5 center textcolor rgb axis_colour
}
set key outside bottom center horizontal reverse Left samplen 1.5 width 2 noautotitle
set style fill solid 1.0 noborder
set rmargin 16

set terminal svg size chart_width, chart_height noenhanced font svg_font background rgb 'white'
set output svg_file
bar(kind, from, to) = to > from ? x_at(kind, from) : NaN
plot $segments using (bar($3, $5, $6)):(y_of($1, $2)):(x_at($3, $5)):(x_at($3, $6)): \
                     (y_of($1, $2) - bar_half):(y_of($1, $2) + bar_half): \
                     (piece_colour($3, $4, $8)) \
         with boxxy fillcolor rgb variable, \
     $rows using (0):(y_of($2, $3) - 0.5 * row_step):(0):(row_step) \
         with vectors nohead linecolor rgb axis_colour linewidth 1.5, \
     $segments using ((x_at($3, $5) + x_at($3, $6)) / 2):(y_of($1, $2)): \
                     ($3 == 0 && $7 >= label_min ? sprintf('%.0f%%', $7) : ''): \
                     (text_on(piece_colour($3, $4, $8))) \
         with labels font label_font textcolor rgb variable, \
     for [j = 1 : (missing_count > 0)] $rows using (missing_at + $5):(y_of($2, $3)): \
                 ($4 > 0 ? sprintf('%.0f%%', $5) : '') \
         with labels left offset 0.5, 0 font label_font textcolor rgb text_dark, \
     $rows using (x_high):(y_of($2, $3)):($4 > 0 ? sprintf('%d answered', $4) : 'nobody answered') \
         with labels left offset 1, 0 font label_font textcolor rgb axis_colour, \
     $rows using (NaN):(y_of($2, $3)):ytic(wrap(strcol(1), label_width)) with points, \
     for [i = 1 : level_count + missing_count] keyentry with boxes \
         fillcolor rgb level_key_colour(i) title shorten(level_label(i), key_width)

set terminal pngcairo size chart_width, chart_height noenhanced font png_font background rgb 'white'
set output png_file
replot
unset output
