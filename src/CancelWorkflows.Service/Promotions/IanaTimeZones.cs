namespace CancelWorkflows.Service.Promotions;

/// <summary>IANA time zone names, as Temporal's schedules read them (<c>ScheduleSpec.TimeZoneName</c>).</summary>
public static class IanaTimeZones
{
    /// <summary>The zone's IANA id when <paramref name="name"/> is one (exact spelling); null otherwise. Windows names
    /// ("Romance Standard Time"), which .NET would convert, are refused: Temporal knows only IANA names.</summary>
    public static string? Find(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 64)
        {
            return null;
        }

        if (name == "UTC")
        {
            return name;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) && zone.HasIanaId && zone.Id == name ? zone.Id : null;
    }
}
