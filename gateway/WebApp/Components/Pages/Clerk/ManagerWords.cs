using System.Globalization;
using System.Text.RegularExpressions;
using CommunitySafety.Web.Api;

namespace CommunitySafety.Web.Components.Pages.Clerk;

/// <summary>Meetings' codes and states as a clerk reads them.</summary>
public static partial class ManagerWords
{
    /// <summary>
    /// A meeting's flag in words: <c>meets-after:{bodyId}: this body should meet before …, which meets on 2027-02-01 …</c>
    /// becomes "This body should meet before …, which meets on 1 February 2027 …".
    /// </summary>
    public static string Flag(string flag)
    {
        var text = FlagCode().Replace(flag, "", 1).Trim();
        text = IsoDate().Replace(text, m => UkTime.Date(DateOnly.ParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return text.Length == 0 ? flag : char.ToUpperInvariant(text[0]) + text[1..];
    }

    public static string Of(ActionStatus status) => status switch
    {
        ActionStatus.InProgress => "In progress",
        _ => status.ToString(),
    };

    public static string Of(MinutesStatus status) => status switch
    {
        MinutesStatus.None => "Not drafted",
        MinutesStatus.Draft => "Draft",
        MinutesStatus.Approved => "Approved",
        _ => "Published",
    };

    public static string Of(OutcomeProgress progress) => progress switch
    {
        OutcomeProgress.InProgress => "In progress",
        OutcomeProgress.NotPossible => "Not possible",
        _ => progress.ToString(),
    };

    /// <summary>Today in the UK.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(UkTime.Local(DateTimeOffset.UtcNow));

    [GeneratedRegex(@"^[a-z-]+:[0-9a-fA-F-]{36}:")]
    private static partial Regex FlagCode();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();
}

/// <summary>The options the clerks' forms share.</summary>
public static class ManagerChoices
{
    public static readonly IReadOnlyList<Govuk.Choice> Areas = [.. Enum.GetValues<Area>().Select(a => new Govuk.Choice(a.ToString(), a.ToString()))];

    /// <summary>The option chosen by its name (never a number), or null.</summary>
    public static T? Parse<T>(string? value) where T : struct, Enum =>
        value is { Length: > 0 } && !char.IsAsciiDigit(value[0]) && Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}
