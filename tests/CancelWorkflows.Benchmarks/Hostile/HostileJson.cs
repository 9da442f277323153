using System.Globalization;
using System.Text;
using CsCheck;

namespace CancelWorkflows.Benchmarks.Hostile;

/// <summary>
/// JSON bodies written by hand (a serializer would refuse or repair what these must send) and the ways a body is made
/// bad: malformed, truncated, invalid UTF-8, deeply nested, larger than the 16 KiB limit, a field of the wrong type, a
/// refused id, not an object at all. Every <see cref="Defect"/> makes a body the API must refuse, whatever it was.
/// </summary>
public static class HostileJson
{
    /// <summary>A JSON string literal; every surrogate half and control character escaped (so a lone half reaches the
    /// parser as <c>\uD800</c>).</summary>
    public static string Str(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var json = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                json.Append('\\').Append(c);
            }
            else if (c < ' ' || char.IsSurrogate(c))
            {
                json.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                json.Append(c);
            }
        }

        return json.Append('"').ToString();
    }

    /// <summary>An object of raw JSON members, in order.</summary>
    public static string Object(IEnumerable<(string Name, string RawValue)> members) =>
        "{" + string.Join(",", members.Select(m => Str(m.Name) + ":" + m.RawValue)) + "}";

    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>Values of every type but string.</summary>
    public static readonly Gen<string> NotAString = Gen.OneOf(
        "0", "-1", "1.5", "1e309", "-0", "123456789012345678901234567890", "true", "false", "[]", "{}",
        "[\"a\"]", "{\"a\":\"b\"}", "[[[]]]");

    /// <summary>Values of every type but number.</summary>
    public static readonly Gen<string> NotANumber = Gen.OneOf("\"5\"", "true", "[]", "{}", "\"\"", "1.5", "-1", "0", "1e309", "99999999999");

    /// <summary>Nesting past System.Text.Json's depth limit of 64, up to a few thousand levels.</summary>
    public static readonly Gen<string> DeeplyNested = Gen.Select(Gen.Int[65, 6_000], Gen.OneOf("[", "{\"a\":"), (depth, open) =>
    {
        var close = open == "[" ? "]" : "}";
        return string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
    });

    /// <summary>Makes <paramref name="valid"/> (an object's JSON) a body that must be refused; <paramref name="fields"/>
    /// are the id fields a refused id may replace.</summary>
    public static Gen<(string What, byte[] Body)> Defect(Func<IReadOnlyList<(string Name, string RawValue)>> valid, IReadOnlyList<string> fields) =>
        Gen.Frequency(
            (3, Gen.Select(Gen.OneOf([.. fields]), HostileStrings.BadId, HostileStrings.BadPaymentRequestId, (field, id, requestId) =>
                ("refused id in " + field, Utf8(Object(Replace(valid(), field, Str(field == "paymentRequestId" ? requestId : id))))))),
            (2, Gen.Select(Gen.OneOf([.. fields]), NotAString, (field, raw) => ("wrong type of " + field, Utf8(Object(Replace(valid(), field, raw)))))),
            (1, Gen.Select(Gen.OneOf([.. fields]), DeeplyNested, (field, raw) => ("deep nesting in " + field, Utf8(Object(Replace(valid(), field, raw)))))),
            (1, DeeplyNested.Select(raw => ("deep nesting as the body", Utf8(raw)))),
            (1, Gen.Select(HostileStrings.VeryLong, Gen.Int[17_000, 300_000], (s, n) => ("larger than 16 KiB", Utf8(Object(Replace(valid(), "note", Str(s + new string('x', n)))))))),
            (2, Gen.Double[0, 1].Select(at =>
            {
                var json = Object(valid());
                return ("truncated", Utf8(json[..(int)(at * (json.Length - 1))]));
            })),
            (2, Gen.Select(Gen.OneOf("x", "}", "{", ",", "]", "\"", "\0", "NaN"), Gen.Bool, (junk, before) =>
                ("stray " + junk, Utf8(before && junk is not "\"" ? "[" + Object(valid()) : Object(valid()) + junk)))),
            (1, Gen.Select(Gen.OneOf([.. fields]), HostileStrings.ForbiddenChar, (field, c) =>
                ("raw control or separator in a string", Utf8(Object(Replace(valid(), field, "\"a" + (c < ' ' ? c : '\u0001') + "b\"")))))),
            (1, Gen.OneOf<byte[]>([0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]).Select(bytes =>
            {
                var json = Object(Replace(valid(), fields[0], "\"@@\""));
                var at = json.IndexOf("@@", StringComparison.Ordinal);
                return ("invalid UTF-8", (byte[])[.. Utf8(json[..at]), .. bytes, .. Utf8(json[(at + 2)..])]);
            })),
            (1, Gen.OneOf(string.Empty, " ", "null", "[]", "\"text\"", "0", "true", "{}{}", "\uFEFF", "{")
                .Select(json => ("not an object: " + json.Trim(), Utf8(json)))),
            (1, Gen.Const(0).Select(_ => ("single quotes", Utf8(Object(valid()).Replace('"', '\''))))));

    private static List<(string, string)> Replace(IReadOnlyList<(string Name, string RawValue)> members, string field, string raw)
    {
        var replaced = members.Where(m => m.Name != field).ToList();
        replaced.Insert(0, (field, raw));
        return replaced;
    }
}
