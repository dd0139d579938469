using System.Globalization;

namespace BzPeer.Bench.Running;

/// <summary>
/// Reads the per-stage timings <c>bzpeer build --timings</c> prints, one line per stage:
/// <c>timing &lt;stage&gt; &lt;milliseconds&gt;</c> (e.g. <c>timing load 123.4</c>). Other lines are ignored.
/// </summary>
internal static class BuildTimings
{
    public static IReadOnlyList<KeyValuePair<string, double>> Parse(string output)
    {
        var result = new List<KeyValuePair<string, double>>();
        foreach (string rawLine in output.Split('\n'))
        {
            string[] parts = rawLine.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3 && parts[0] == "timing"
                && double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double ms))
            {
                result.Add(new(parts[1], ms));
            }
        }
        return result;
    }
}
