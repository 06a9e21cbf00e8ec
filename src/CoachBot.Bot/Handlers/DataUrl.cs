using System.Text;

namespace CoachBot.Bot.Handlers;

/// <summary>Decodes <c>data:[&lt;type&gt;][;base64],&lt;data&gt;</c> addresses (RFC 2397), as Web Chat and tests send small files.</summary>
public static class DataUrl
{
    /// <summary>The bytes (at most <paramref name="maxBytes"/>), or <c>null</c> when the address is malformed.</summary>
    public static byte[]? TryDecode(string url, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(url);
        var comma = url.IndexOf(',', StringComparison.Ordinal);
        if (!url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || comma < 0)
        {
            return null;
        }

        var header = url[5..comma];
        var data = url[(comma + 1)..];
        byte[] bytes;
        if (header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
        {
            // 4 characters make 3 bytes: a longer address is cut (at a 4-character boundary) before decoding what would be dropped anyway.
            var limit = (int)Math.Min(int.MaxValue - 3, ((long)maxBytes + 2) / 3 * 4);
            var slice = data.Length <= limit ? data : data[..limit];
            bytes = new byte[(slice.Length / 4 * 3) + 3];
            if (!Convert.TryFromBase64String(slice, bytes, out var written))
            {
                return null;
            }

            bytes = bytes[..written];
        }
        else
        {
            bytes = Encoding.UTF8.GetBytes(Uri.UnescapeDataString(data)); // '+' stays '+' (not a form encoding)
        }

        return bytes.Length <= maxBytes ? bytes : bytes[..maxBytes];
    }
}
