using System.Globalization;
using System.Text;
using BzPeer.Model;

namespace BzPeer.Rendering;

/// <summary>Works per year as an inline SVG bar chart, drawn at build time (no script, no inline style: CSP-safe).</summary>
internal static class WorksChart
{
    private const int BarWidth = 18;
    private const int Gap = 4;
    private const int Height = 80;

    public static RawHtml Render(IReadOnlyList<Publication> works)
    {
        if (works.Count == 0)
        {
            return RawHtml.Empty;
        }

        var counts = works.GroupBy(w => w.Year).ToDictionary(g => g.Key, g => g.Count());
        var first = counts.Keys.Min();
        var last = counts.Keys.Max();
        if (last - first > 60)
        {
            first = last - 60;
        }

        var max = counts.Values.Max();
        var years = last - first + 1;
        var width = years * (BarWidth + Gap);
        var inv = CultureInfo.InvariantCulture;
        var svg = new StringBuilder();
        var label = $"Works per year, {first}–{last}: " + string.Join(", ",
            Enumerable.Range(first, years).Where(counts.ContainsKey).Select(y => $"{y}: {counts[y]}"));
        svg.Append(inv, $"<svg class=\"works-chart\" viewBox=\"0 0 {width} {Height + 18}\" role=\"img\" aria-label=\"{Html.Escape(label)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < years; i++)
        {
            var year = first + i;
            var count = counts.GetValueOrDefault(year);
            var x = i * (BarWidth + Gap);
            var h = count == 0 ? 0 : Math.Max(3, (int)Math.Round((double)count / max * Height));
            svg.Append(inv, $"<g><title>{year}: {count} work{(count == 1 ? "" : "s")}</title>");
            svg.Append(inv, $"<rect class=\"bar\" x=\"{x}\" y=\"{Height - h}\" width=\"{BarWidth}\" height=\"{h}\" rx=\"2\"></rect>");
            if (years <= 12 || year % 5 == 0 || i == 0 || i == years - 1)
            {
                svg.Append(inv, $"<text class=\"label\" x=\"{x + (BarWidth / 2)}\" y=\"{Height + 14}\" text-anchor=\"middle\">{(years <= 12 ? year.ToString(inv) : "'" + (year % 100).ToString("00", inv))}</text>");
            }

            svg.Append("</g>");
        }

        svg.Append("</svg>");
        return new RawHtml(svg.ToString());
    }
}
