using System.Text;
using CsCheck;

namespace CancelWorkflows.Benchmarks.Hostile;

/// <summary>
/// Strings an attacker or a broken client sends: control characters, NUL, bidirectional overrides, zero-width and other
/// invisible formatting, line separators, odd spaces, lone surrogate halves, very long runs. <see cref="BadId"/> is an id
/// the API's id rules must refuse whatever surrounds it (README "Security", Ids).
/// </summary>
public static class HostileStrings
{
    /// <summary>One of these in an id makes it refused (control, invisible formatting, bidi, separators, spaces but
    /// U+0020, surrogate halves).</summary>
    private static readonly char[] Forbidden =
    [
        '\0', '\u0001', '\u0007', '\b', '\t', '\n', '\u000b', '\f', '\r', '\u001b', '\u001f', '\u007f', '\u0085', '\u009f',
        '\u00a0', '\u2000', '\u2007', '\u3000', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u200f',
        '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u061c', '\u2028',
        '\u2029', '\ud800', '\udbff', '\udc00', '\udfff',
    ];

    /// <summary>Text that looks harmless around the hostile part: ASCII id characters, quotes and query syntax,
    /// letters of other scripts, combining marks, emoji (valid surrogate pairs).</summary>
    private static readonly string[] Pieces =
    [
        "pr-", "abc", "0123456789", "booking", "'", "\"", "\\", "%", "%00", "%2F", "/", "..", "?", "#", "&", "=", "*",
        " ", "' OR RequestedBy != '", "' OR '1'='1", "\") OR (\"", "${x}", "{{7*7}}", "<script>", "é", "e\u0301", "Ω",
        "日本語", "العربية", "עברית", "😀", "👩‍👩‍👧", "\U0001F3F4\U000E0067\U000E0062\U000E007F", "ﷺ", "ẞ", "İ", "ǅ",
    ];

    /// <summary>Any UTF-16 code unit, surrogate halves included.</summary>
    public static readonly Gen<char> AnyChar = Gen.Char;

    public static readonly Gen<char> ForbiddenChar = Gen.OneOf(Forbidden);

    /// <summary>A mix of the pieces, forbidden characters and arbitrary code units; 0 to ~60 characters.</summary>
    public static readonly Gen<string> Junk =
        Gen.Frequency(
            (4, Gen.OneOf(Pieces)),
            (2, ForbiddenChar.Select(c => c.ToString())),
            (2, Gen.String[AnyChar, 1, 8]),
            (1, Gen.String[Gen.Char['!', '~'], 1, 16]))
        .Array[0, 8]
        .Select(parts => string.Concat(parts));

    /// <summary>Thousands of characters: past every id's limit, past 16 KiB as UTF-8 at the top.</summary>
    public static readonly Gen<string> VeryLong =
        Gen.Select(Gen.Int[1_000, 40_000], Gen.OneOf("a", "é", "😀", "\u202e", "\0", "' OR '"), (n, unit) =>
        {
            var text = new StringBuilder(n * unit.Length);
            for (var i = 0; i < n; i++)
            {
                text.Append(unit);
            }

            return text.ToString();
        });

    /// <summary>Any string, odd or long.</summary>
    public static readonly Gen<string> Any = Gen.Frequency((9, Junk), (1, VeryLong));

    /// <summary>An id the id rules refuse: junk around at least one forbidden character, or very long with one.</summary>
    public static readonly Gen<string> BadId =
        Gen.Frequency(
            (10, Gen.Select(Junk, ForbiddenChar, Junk, (before, bad, after) => before + bad + after)),
            (1, Gen.Select(VeryLong, ForbiddenChar, (s, bad) => bad + s)));

    /// <summary>A paymentRequestId refused: a refused id, the reserved <c>pid-</c> prefix (A2), or empty.</summary>
    public static readonly Gen<string> BadPaymentRequestId =
        Gen.Frequency(
            (10, BadId),
            (1, Gen.String[Gen.Char['a', 'z'], 1, 20].Select(s => "pid-" + s)),
            (1, Gen.OneOf(string.Empty, " ", "   ")));

    /// <summary>A header value that can be sent (Latin-1, no line breaks) and is refused as an id: a control
    /// character, a no-break space, or longer than any id.</summary>
    public static readonly Gen<string> BadHeaderValue =
        Gen.Frequency(
            (4, Gen.Select(Gen.String[Gen.Char['!', '~'], 1, 20], Gen.OneOf('\t', '\u007f', '\u0085', '\u0080', '\u00a0', '\u009b'), Gen.String[Gen.Char['!', '\u00ff'], 1, 20], (a, bad, b) => a + bad + b)),
            (1, Gen.Int[256, 8_000].Select(n => new string('k', n))));

    /// <summary>A path segment as the bytes a hostile client puts on the wire: UTF-8, percent-encoded, a surrogate half
    /// as its three-byte (invalid) form.</summary>
    public static string PathSegment(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var encoded = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                encoded.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                AppendBytes(encoded, Encoding.UTF8.GetBytes(value.Substring(i++, 2)));
            }
            else if (char.IsSurrogate(c))
            {
                AppendBytes(encoded, [(byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F))]);
            }
            else
            {
                AppendBytes(encoded, Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        return encoded.ToString();
    }

    private static void AppendBytes(StringBuilder to, byte[] bytes)
    {
        foreach (var b in bytes)
        {
            to.Append('%').Append(Convert.ToHexString([b]));
        }
    }
}
