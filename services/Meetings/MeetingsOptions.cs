namespace CommunitySafety.Meetings;

/// <summary>Configuration section <c>Meetings</c>.</summary>
public sealed class MeetingsOptions
{
    public const string Section = "Meetings";

    /// <summary>How many days before a meeting its agenda is published, unless the clerk publishes it earlier.
    /// Five clear days is what councils' access-to-information rules ask for.</summary>
    public int AgendaPublishDaysBefore { get; set; } = 5;
}
