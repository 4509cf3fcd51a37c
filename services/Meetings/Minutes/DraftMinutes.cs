using CommunitySafety.Meetings.Meetings;

namespace CommunitySafety.Meetings.Minutes;

public sealed record DraftSection(Guid? ItemId, string? Text, bool? Exempt);

public sealed record DraftMinutes(IReadOnlyList<DraftSection?>? Sections);

/// <summary>Drafts the minutes (a new draft replaces the old) until they are approved.</summary>
public static class DraftMinutesEndpoint
{
    public const int MaxSections = 200;
    public const int MaxSectionLength = 20_000;

    /// <summary>
    /// The largest draft accepted (above the 1 MiB every other endpoint takes): the most sections at the longest text,
    /// each character up to 6 bytes (a JSON <c>\uXXXX</c> escape, as System.Text.Json writes any non-ASCII letter), with
    /// room for the rest of each section.
    /// </summary>
    public const long MaxBodyBytes = MaxSections * (MaxSectionLength * 6L + 256);

    public static ProblemDetails Validate(DraftMinutes command)
    {
        var errors = new FieldErrors()
            .Check(command.Sections is { Count: > 0 }, "sections", "'sections' is required: at least one passage { itemId?, text, exempt }.")
            .Check(command.Sections is not { Count: > MaxSections }, "sections", $"At most {MaxSections} sections.");
        for (var i = 0; i < (command.Sections?.Count ?? 0); i++)
        {
            var section = command.Sections![i];
            if (section is null)
            {
                errors.Add($"sections[{i}]", "A section must be an object { itemId?, text, exempt }.");
                continue;
            }
            errors.Text($"sections[{i}].text", section.Text, MaxSectionLength)
                .Check(section.ItemId != Guid.Empty, $"sections[{i}].itemId", "'itemId' must be a non-empty id when given.");
        }
        return errors.ToProblem();
    }

    [WolverinePut("/api/meetings/meetings/{meetingId}/minutes"), Authorize(Roles = MeetingsRoles.Managers), RequestSizeLimit(MaxBodyBytes)]
    [EmptyResponse, ProducesResponseType(StatusCodes.Status404NotFound), ProducesResponseType(StatusCodes.Status409Conflict),
     ProducesResponseType(StatusCodes.Status422UnprocessableEntity)]
    public static Events Put(DraftMinutes command, [VersionedAggregate] Meeting meeting, ClaimsPrincipal user, TimeProvider clock)
    {
        MeetingAccess.EnsureManages(user, meeting.BodyId);
        var sections = command.Sections!.Select(s => new MinuteSection(s!.ItemId, s.Text!, s.Exempt ?? false)).ToList();
        return [.. MinutesRules.DecideDraft(meeting, sections, clock.GetUtcNow())];
    }
}
