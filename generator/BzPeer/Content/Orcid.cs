using System.Text.RegularExpressions;

namespace BzPeer.Content;

/// <summary>ORCID iDs: normalisation and the ISO 7064 11,2 check digit.</summary>
public static partial class Orcid
{
    private static readonly string[] Prefixes = ["https://orcid.org/", "http://orcid.org/", "orcid.org/"];

    /// <summary>The bare iD (0000-0002-1825-0097) from a bare or https://orcid.org/ form, or null when malformed.</summary>
    public static string? Normalise(string value)
    {
        var text = value.Trim();
        foreach (var prefix in Prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                text = text[prefix.Length..];
            }
        }

        text = text.ToUpperInvariant();
        return Shape().IsMatch(text) ? text : null;
    }

    public static bool IsValid(string value) => Normalise(value) is { } id && HasValidChecksum(id);

    /// <summary>ISO 7064 MOD 11-2 over the first 15 digits, compared with the 16th (which may be 'X' for 10).</summary>
    public static bool HasValidChecksum(string id)
    {
        var digits = id.Replace("-", "", StringComparison.Ordinal);
        if (digits.Length != 16)
        {
            return false;
        }

        var total = 0;
        for (var i = 0; i < 15; i++)
        {
            if (!char.IsAsciiDigit(digits[i]))
            {
                return false;
            }

            total = (total + (digits[i] - '0')) * 2;
        }

        var result = (12 - (total % 11)) % 11;
        var expected = result == 10 ? 'X' : (char)('0' + result);
        return digits[15] == expected;
    }

    [GeneratedRegex(@"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")]
    private static partial Regex Shape();
}
