using System.Buffers;
using System.Globalization;
using System.Text;

namespace CancelWorkflows.Service.Api;

/// <summary>
/// The characters an id may hold (paymentRequestId, paymentId, bookingRef, merchant, and callers' names): anything
/// visible, plus the plain space. Refused: control characters (Cc), invisible formatting (Cf: zero-width spaces and
/// joiners, bidirectional overrides, BOM), line and paragraph separators (Zl, Zp), every space but U+0020 (Zs), unpaired
/// surrogates, private-use and unassigned code points. Each of them would let two ids that look the same name two
/// different payments or workflows (in Temporal Web, logs, support tickets), or break the line a log or CSV reader sees.
/// Antom's ids are ASCII in practice, so this refuses nothing real.
/// </summary>
public static class IdText
{
    /// <summary>Null when every character is allowed; else the field error, naming the first one refused.</summary>
    public static string? Problem(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != OperationStatus.Done)
            {
                return $"Contains an unpaired surrogate (U+{(int)rest[0]:X4}); ids take visible characters and plain spaces only.";
            }

            if (Refused(rune))
            {
                return $"Contains U+{rune.Value:X4} ({Rune.GetUnicodeCategory(rune)}): ids take no control, invisible or formatting characters, and no space but U+0020.";
            }

            rest = rest[used..];
        }

        return null;
    }

    private static bool Refused(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate => true,
        UnicodeCategory.SpaceSeparator => rune.Value != ' ',
        _ => false,
    };
}
