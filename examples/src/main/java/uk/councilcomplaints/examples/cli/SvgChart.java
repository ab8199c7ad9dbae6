package uk.councilcomplaints.examples.cli;

import java.util.List;
import java.util.Locale;

/**
 * A {@link Chart} as inline SVG: no script, no external file, readable by a screen reader ({@code role="img"},
 * {@code aria-label}, {@code <title>} and {@code <desc>}), and printable.
 */
final class SvgChart {

    static final int WIDTH = 760;
    static final int HEIGHT = 360;
    private static final int LEFT = 56;
    private static final int RIGHT = 190;
    private static final int TOP = 36;
    private static final int BOTTOM = 64;
    private static final String[] COLOURS = {"#1d70b8", "#f47738", "#d4351c", "#00703c", "#4c2c92", "#b58840",
        "#505a5f", "#912b88"};

    private SvgChart() {
    }

    /** The chart as an {@code <svg>} element; {@code id} makes its title and description ids unique. */
    static String render(Chart chart, String id) {
        StringBuilder svg = new StringBuilder(4096);
        String titleId = id + "-title";
        String descId = id + "-desc";
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"chart\" id=\"").append(id)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"")
                .append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" aria-label=\"")
                .append(HtmlDocument.escape(chart.title())).append("\" aria-describedby=\"").append(descId)
                .append("\">\n<title id=\"").append(titleId).append("\">").append(HtmlDocument.escape(chart.title()))
                .append("</title>\n<desc id=\"").append(descId).append("\">")
                .append(HtmlDocument.escape(chart.description())).append("</desc>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        svg.append(text(LEFT, 20, "start", 15, "bold", chart.title()));
        double max = max(chart);
        double step = niceStep(max / 5);
        double top = Math.max(step, Math.ceil(max / step) * step);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        // the y axis: gridlines and values
        for (double v = 0; v <= top + step / 2; v += step) {
            double y = TOP + plotHeight - v / top * plotHeight;
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth).append("\" y1=\"")
                    .append(num(y)).append("\" y2=\"").append(num(y)).append("\" stroke=\"#d8d8d8\"/>\n");
            svg.append(text(LEFT - 6, y + 4, "end", 11, "normal", Chart.format(v)));
        }
        svg.append(text(14, TOP + plotHeight / 2.0, "middle", 11, "normal", chart.yAxis())
                .replace("<text ", "<text transform=\"rotate(-90 14 " + num(TOP + plotHeight / 2.0) + ")\" "));
        int n = chart.categories().size();
        double band = n == 0 ? plotWidth : (double) plotWidth / n;
        for (int i = 0; i < n; i++) {
            double x = LEFT + band * i + band / 2;
            svg.append(text(x, TOP + plotHeight + 16 + (n > 8 && i % 2 == 1 ? 14 : 0), "middle", 10, "normal",
                    shorten(chart.categories().get(i), n > 8 ? 12 : 22)));
        }
        if (chart.kind() == Chart.Kind.STACKED_BARS) {
            bars(svg, chart, band, top, plotHeight);
        } else if (chart.kind() == Chart.Kind.GROUPED_BARS) {
            groupedBars(svg, chart, band, top, plotHeight);
        } else {
            lines(svg, chart, band, top, plotHeight);
        }
        // the legend
        for (int s = 0; s < chart.series().size(); s++) {
            int y = TOP + 8 + s * 20;
            int x = WIDTH - RIGHT + 14;
            svg.append("<rect x=\"").append(x).append("\" y=\"").append(y - 9).append("\" width=\"12\" height=\"12\" "
                    + "fill=\"").append(colour(s)).append("\"/>\n");
            svg.append(text(x + 18, y + 1, "start", 11, "normal", shorten(chart.series().get(s).name(), 26)));
        }
        svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(LEFT + plotWidth).append("\" y1=\"")
                .append(TOP + plotHeight).append("\" y2=\"").append(TOP + plotHeight)
                .append("\" stroke=\"#0b0c0c\"/>\n");
        return svg.append("</svg>\n").toString();
    }

    private static void bars(StringBuilder svg, Chart chart, double band, double top, int plotHeight) {
        double width = Math.min(60, band * 0.6);
        for (int i = 0; i < chart.categories().size(); i++) {
            double x = LEFT + band * i + (band - width) / 2;
            double base = TOP + plotHeight;
            for (int s = 0; s < chart.series().size(); s++) {
                double value = chart.series().get(s).values().get(i);
                double h = value / top * plotHeight;
                if (value > 0) {
                    svg.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(base - h))
                            .append("\" width=\"").append(num(width)).append("\" height=\"").append(num(h))
                            .append("\" fill=\"").append(colour(s)).append("\"><title>")
                            .append(HtmlDocument.escape(chart.categories().get(i) + ", " + chart.series().get(s).name()
                                    + ": " + Chart.format(value)))
                            .append("</title></rect>\n");
                }
                base -= h;
            }
        }
    }

    /** A bar per series side by side in each category's band (e.g. this year beside the previous one). */
    private static void groupedBars(StringBuilder svg, Chart chart, double band, double top, int plotHeight) {
        int k = Math.max(1, chart.series().size());
        double width = Math.min(28, band * 0.8 / k);
        for (int i = 0; i < chart.categories().size(); i++) {
            double x0 = LEFT + band * i + (band - width * k) / 2;
            for (int s = 0; s < chart.series().size(); s++) {
                double value = chart.series().get(s).values().get(i);
                double h = Math.max(0, value) / top * plotHeight;
                if (value > 0) {
                    svg.append("<rect x=\"").append(num(x0 + s * width)).append("\" y=\"")
                            .append(num(TOP + plotHeight - h)).append("\" width=\"").append(num(width * 0.92))
                            .append("\" height=\"").append(num(h)).append("\" fill=\"").append(colour(s))
                            .append("\"><title>").append(HtmlDocument.escape(chart.categories().get(i) + ", "
                                    + chart.series().get(s).name() + ": " + Chart.format(value)))
                            .append("</title></rect>\n");
                }
            }
        }
    }

    private static void lines(StringBuilder svg, Chart chart, double band, double top, int plotHeight) {
        for (int s = 0; s < chart.series().size(); s++) {
            StringBuilder points = new StringBuilder();
            List<Double> values = chart.series().get(s).values();
            for (int i = 0; i < values.size(); i++) {
                double x = LEFT + band * i + band / 2;
                double y = TOP + plotHeight - values.get(i) / top * plotHeight;
                points.append(i == 0 ? "" : " ").append(num(x)).append(',').append(num(y));
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2.5\" stroke=\"").append(colour(s))
                    .append("\" points=\"").append(points).append("\"/>\n");
            for (int i = 0; i < values.size(); i++) {
                double x = LEFT + band * i + band / 2;
                double y = TOP + plotHeight - values.get(i) / top * plotHeight;
                svg.append("<circle r=\"3.5\" cx=\"").append(num(x)).append("\" cy=\"").append(num(y))
                        .append("\" fill=\"").append(colour(s)).append("\"><title>")
                        .append(HtmlDocument.escape(chart.categories().get(i) + ", " + chart.series().get(s).name()
                                + ": " + Chart.format(values.get(i))))
                        .append("</title></circle>\n");
            }
        }
    }

    private static double max(Chart chart) {
        double max = 0;
        for (int i = 0; i < chart.categories().size(); i++) {
            double sum = 0;
            for (Chart.Series s : chart.series()) {
                double v = s.values().get(i);
                sum = chart.kind() == Chart.Kind.STACKED_BARS ? sum + Math.max(0, v) : Math.max(sum, v);
            }
            max = Math.max(max, sum);
        }
        return max;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough} (and at least 1). */
    static double niceStep(double rough) {
        if (rough <= 1) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= rough) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static String text(double x, double y, String anchor, int size, String weight, String content) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size
                + "\" font-weight=\"" + weight + "\" font-family=\"Arial, Helvetica, sans-serif\" fill=\"#0b0c0c\">"
                + HtmlDocument.escape(content) + "</text>\n";
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    private static String colour(int series) {
        return COLOURS[series % COLOURS.length];
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
