namespace BzPeer.Common;

/// <summary>
/// Moves the <c>count</c> smallest keys of a span to its front, in no particular order, in expected O(n):
/// when only the best few of many must be kept, a full sort orders thousands of keys nobody keeps.
/// </summary>
internal static class Selection
{
    public static void SmallestFirst(Span<ulong> keys, int count)
    {
        if (count <= 0 || count >= keys.Length)
        {
            return;
        }

        // Quickselect (Hoare partition, median-of-three pivot): keys[..count] end up as the smallest.
        // The pivots depend only on the keys, so the result is the same on every run.
        int low = 0, high = keys.Length - 1, target = count - 1;
        while (high - low > 16)
        {
            var pivot = MedianOfThree(keys[low], keys[low + ((high - low) >> 1)], keys[high]);
            int i = low, j = high;
            while (i <= j)
            {
                while (keys[i] < pivot)
                {
                    i++;
                }

                while (keys[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (keys[i], keys[j]) = (keys[j], keys[i]);
                    i++;
                    j--;
                }
            }

            // Now keys[low..j] <= pivot <= keys[i..high], and anything strictly between is the pivot itself.
            if (target <= j)
            {
                high = j;
            }
            else if (target >= i)
            {
                low = i;
            }
            else
            {
                return;
            }
        }

        keys[low..(high + 1)].Sort();
    }

    private static ulong MedianOfThree(ulong a, ulong b, ulong c) =>
        a < b ? (b < c ? b : Math.Max(a, c)) : (a < c ? a : Math.Max(b, c));
}
