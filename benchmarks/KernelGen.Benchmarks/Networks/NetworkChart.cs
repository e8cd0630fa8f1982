using System.Globalization;
using System.Net;
using System.Text;

namespace KernelGen.Benchmarks.Networks;

/// <summary>
/// The network-layers chart: a row per layer with three bars, the generated kernel, ONNX Runtime and the
/// hand-vectorized generic kernel, each as its speed-up over the reference on a log scale. A plain SVG file, written
/// beside the quick table.
/// </summary>
public static class NetworkChart
{
    /// <summary>One layer: its label and the three speed-ups over the reference.</summary>
    public sealed record Row(string Label, double Generated, double OnnxRuntime, double HandVectorized);

    private const int LabelWidth = 360, PlotWidth = 560, BarHeight = 5, RowGap = 5, Top = 60, Bottom = 40, Right = 20;

    private static readonly (string Name, string Color, Func<Row, double> Value)[] Series =
    [
        ("generated", "#1f77b4", r => r.Generated),
        ("ONNX Runtime", "#ff7f0e", r => r.OnnxRuntime),
        ("hand-vectorized generic", "#7f7f7f", r => r.HandVectorized),
    ];

    public static string Svg(IReadOnlyList<Row> rows)
    {
        double[] values = [.. rows.SelectMany(r => Series.Select(s => s.Value(r))).Where(v => double.IsFinite(v) && v > 0)];
        int lowDecade = (int)Math.Floor(Math.Log10(Math.Min(1, values.DefaultIfEmpty(1).Min())));
        int highDecade = Math.Max(lowDecade + 1, (int)Math.Ceiling(Math.Log10(values.DefaultIfEmpty(10).Max())));
        double X(double value) => LabelWidth + PlotWidth * (Math.Log10(value) - lowDecade) / (highDecade - lowDecade);
        int rowHeight = Series.Length * BarHeight + RowGap;
        int height = Top + rows.Count * rowHeight + Bottom;
        int width = LabelWidth + PlotWidth + Right;

        var svg = new StringBuilder();
        svg.AppendLine(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"11\">"));
        svg.AppendLine(Invariant($"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>"));
        svg.AppendLine(Invariant($"<text x=\"10\" y=\"20\" font-size=\"14\">Network layers: speed-up over the reference kernel (log scale, higher is faster)</text>"));
        for (int s = 0; s < Series.Length; s++)
        {
            double x = LabelWidth + s * 170;
            svg.AppendLine(Invariant($"<rect x=\"{x}\" y=\"32\" width=\"12\" height=\"10\" fill=\"{Series[s].Color}\"/>"));
            svg.AppendLine(Invariant($"<text x=\"{x + 16}\" y=\"41\">{Series[s].Name}</text>"));
        }

        for (int decade = lowDecade; decade <= highDecade; decade++)
        {
            double x = X(Math.Pow(10, decade));
            svg.AppendLine(Invariant($"<line x1=\"{x:F1}\" y1=\"{Top - 6}\" x2=\"{x:F1}\" y2=\"{height - Bottom}\" stroke=\"#ccc\"/>"));
            svg.AppendLine(Invariant($"<text x=\"{x:F1}\" y=\"{height - Bottom + 14}\" text-anchor=\"middle\">{Math.Pow(10, decade):0.###}x</text>"));
        }

        for (int i = 0; i < rows.Count; i++)
        {
            double y = Top + i * rowHeight;
            svg.AppendLine(Invariant($"<text x=\"{LabelWidth - 6}\" y=\"{y + BarHeight * 2 + 3}\" text-anchor=\"end\">{WebUtility.HtmlEncode(rows[i].Label)}</text>"));
            for (int s = 0; s < Series.Length; s++)
            {
                double value = Series[s].Value(rows[i]);
                if (!double.IsFinite(value) || value <= 0)
                {
                    continue;
                }

                double x0 = X(Math.Pow(10, lowDecade));
                svg.AppendLine(Invariant($"<rect x=\"{x0:F1}\" y=\"{y + s * BarHeight}\" width=\"{X(value) - x0:F1}\" height=\"{BarHeight - 1}\" fill=\"{Series[s].Color}\"><title>{WebUtility.HtmlEncode(rows[i].Label)}: {Series[s].Name} {value:F1}x</title></rect>"));
            }
        }

        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
