namespace BzPeer.Bench.Corpus;

/// <summary>ORCID iDs: 16 characters where the last is an ISO 7064 MOD 11-2 check character.</summary>
internal static class Orcid
{
    /// <summary>The check character for the first 15 digits ('0'-'9' or 'X').</summary>
    public static char CheckCharacter(ReadOnlySpan<char> baseDigits)
    {
        int total = 0;
        foreach (char c in baseDigits)
        {
            total = (total + (c - '0')) * 2;
        }
        int result = (12 - (total % 11)) % 11;
        return result == 10 ? 'X' : (char)('0' + result);
    }

    /// <summary>True when <paramref name="orcid"/> is <c>dddd-dddd-dddd-dddC</c> with a correct check character.</summary>
    public static bool IsValid(string orcid)
    {
        if (orcid.Length != 19)
        {
            return false;
        }
        Span<char> digits = stackalloc char[16];
        int n = 0;
        for (int i = 0; i < orcid.Length; i++)
        {
            char c = orcid[i];
            if (i is 4 or 9 or 14)
            {
                if (c != '-')
                {
                    return false;
                }
                continue;
            }
            bool isCheck = n == 15;
            if (!char.IsAsciiDigit(c) && !(isCheck && c == 'X'))
            {
                return false;
            }
            digits[n++] = c;
        }
        return CheckCharacter(digits[..15]) == digits[15];
    }

    /// <summary>A random iD in the block ORCID hands out (0000-0001-… to 0000-0003-…).</summary>
    public static string Create(DeterministicRandom random)
    {
        Span<char> digits = stackalloc char[16];
        "0000000".AsSpan().CopyTo(digits);
        digits[7] = (char)('1' + random.Next(3));
        for (int i = 8; i < 15; i++)
        {
            digits[i] = (char)('0' + random.Next(10));
        }
        digits[15] = CheckCharacter(digits[..15]);
        return $"{digits[..4]}-{digits[4..8]}-{digits[8..12]}-{digits[12..]}";
    }
}
