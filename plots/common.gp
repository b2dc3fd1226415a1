# common.gp: what every prepost chart shares: size, fonts, colours and a
# line-wrapping function. Loaded by diverging.gp and options.gp; edit it to
# restyle every chart at once. Colours are ColorBrewer's RdBu (safe for the
# common kinds of colour blindness), with greys for the neutral level and
# for answers kept off the scale ("Don't know").

set encoding utf8

chart_width = 800                       # pixels, both SVG and PNG
svg_font = 'DejaVu Sans,12'
png_font = 'DejaVu Sans,10'
label_font = ',9'                       # percentages inside the bars
heading_font = ',11'                    # an item's name over its bars
title_width = 80                        # characters before a title wraps
label_width = 34                        # characters before a bar's name wraps
key_width = 48                          # characters of a level's name in the key
level_width = 48                        # characters of a segment level's name over its bars

# Diverging colours: from the level next to the centre (near) through mid to
# the end of the scale (far), on each side.
negative_near = 0xfddbc7
negative_mid  = 0xef8a62
negative_far  = 0xb2182b
positive_near = 0xd1e5f0
positive_mid  = 0x67a9cf
positive_far  = 0x2166ac
centre_colour = 0xcccccc
missing_colours = '0x8c8c8c 0x636363 0xb0b0b0 0x4d4d4d'
text_dark = 0x222222
text_light = 0xffffff
axis_colour = 0x555555
grid_colour = 0xe6e6e6
flag_colour = 0xb2182b
bar_colour = 0x4393c3                   # tick-all-that-apply bars
whisker_colour = 0x333333

red_of(c) = int(c / 65536) % 256
green_of(c) = int(c / 256) % 256
blue_of(c) = int(c) % 256
mix(a, b, t) = int(red_of(a) + (red_of(b) - red_of(a)) * t + 0.5) * 65536 \
             + int(green_of(a) + (green_of(b) - green_of(a)) * t + 0.5) * 256 \
             + int(blue_of(a) + (blue_of(b) - blue_of(a)) * t + 0.5)
side_colour(t, near, mid, far) = t <= 0.5 ? mix(near, mid, t / 0.5) : mix(mid, far, (t - 0.5) / 0.5)
# tone: -1 the worst level .. 0 the centre .. 1 the best.
level_colour(tone) = tone < 0 ? side_colour(-tone, negative_near, negative_mid, negative_far) \
                   : tone > 0 ? side_colour(tone, positive_near, positive_mid, positive_far) \
                   : centre_colour
missing_colour(i) = int(word(missing_colours, (int(i) - 1) % words(missing_colours) + 1))
luminance(c) = 0.299 * red_of(c) + 0.587 * green_of(c) + 0.114 * blue_of(c)
text_on(c) = luminance(c) < 140 ? text_light : text_dark

# wrap(s, w): s broken at spaces into lines of at most w characters (a
# longer word stays whole).
last_space(s, i) = i < 1 ? 0 : (s[i:i] eq ' ' ? i : last_space(s, i - 1))
wrap_at(s, w, cut) = cut > 1 ? s[1:cut - 1] . "\n" . wrap(s[cut + 1:], w) : s
wrap(s, w) = strlen(s) <= w ? s : wrap_at(s, w, last_space(s, w + 1))
lines_from(s, i, n) = i > strlen(s) ? n : lines_from(s, i + 1, n + (s[i:i] eq "\n"))
lines_in(s) = lines_from(s, 1, 1)

# shorten(s, w): s cut to w characters with an ellipsis.
shorten(s, w) = strlen(s) <= w ? s : s[1:w - 1] . '…'

# A line of $headings (label first_row headings indent base flag): an
# item's name, wrapped, or a segment level's name with its base on one line;
# indented under a level's.
heading_text(line) = strlen(word(line, 5)) > 0 \
    ? shorten(word(line, 1), level_width) . ' · ' . word(line, 5) : wrap(word(line, 1), 90)
heading_x(line) = 0.015 + 0.025 * real(word(line, 4))

# A line of a text datablock without its quotes.
unquote(s) = s[2:strlen(s) - 1]
chart_title = wrap(unquote($text[1]), title_width)
chart_base = unquote($text[2])
chart_flag = unquote($text[3])
