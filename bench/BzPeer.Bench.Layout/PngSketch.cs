using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace BzPeer.Bench.Layout;

/// <summary>A tiny PNG rasteriser to eyeball a layout: edges grey, nodes coloured by id prefix.</summary>
internal static class PngSketch
{
    public static void Write(string path, string[] ids, float[] x, float[] y, IEnumerable<(int Source, int Target)> edges, int size = 1200)
    {
        var pixels = new byte[size * size * 3];
        Array.Fill(pixels, (byte)255);
        float minX = x.Min(), maxX = x.Max(), minY = y.Min(), maxY = y.Max();
        float scale = (size - 20) / Math.Max(1e-3f, Math.Max(maxX - minX, maxY - minY));
        (int, int) P(int i) => ((int)(10 + (x[i] - minX) * scale), (int)(10 + (y[i] - minY) * scale));
        foreach (var (s, t) in edges)
        {
            var (x0, y0) = P(s);
            var (x1, y1) = P(t);
            int steps = Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0)) + 1;
            for (int k = 0; k <= steps; k++)
                Blend(pixels, size, x0 + (x1 - x0) * k / steps, y0 + (y1 - y0) * k / steps);
        }
        for (int i = 0; i < ids.Length; i++)
        {
            var (px, py) = P(i);
            (byte r, byte g, byte b) = ids[i][0] switch { 'r' => ((byte)200, (byte)40, (byte)40), 'p' => ((byte)40, (byte)90, (byte)200), 't' => ((byte)30, (byte)150, (byte)30), _ => ((byte)150, (byte)60, (byte)170) };
            for (int dx = -1; dx <= 1; dx++)
                for (int dy = -1; dy <= 1; dy++)
                    Set(pixels, size, px + dx, py + dy, r, g, b);
        }
        using var file = File.Create(path);
        file.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; header[9] = 2;
        Chunk(file, "IHDR", header);
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
            for (int row = 0; row < size; row++)
            {
                z.WriteByte(0);
                z.Write(pixels, row * size * 3, size * 3);
            }
        Chunk(file, "IDAT", raw.ToArray());
        Chunk(file, "IEND", []);
    }

    private static void Blend(byte[] p, int size, int x, int y)
    {
        if ((uint)x >= size || (uint)y >= size) return;
        int o = (y * size + x) * 3;
        for (int c = 0; c < 3; c++) p[o + c] = (byte)(p[o + c] * 0.93);
    }

    private static void Set(byte[] p, int size, int x, int y, byte r, byte g, byte b)
    {
        if ((uint)x >= size || (uint)y >= size) return;
        int o = (y * size + x) * 3;
        p[o] = r; p[o + 1] = g; p[o + 2] = b;
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        s.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(length, Crc32.HashToUInt32(typed));
        s.Write(length);
    }
}
