using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.PersonalData;
using Marten;

namespace CommunitySafety.CaseManagement.Similarity;

/// <summary>The blind-index entry of one subject. Deleted when the subject is erased.</summary>
public sealed class SubjectIndexEntry
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public string? NameAndBirth { get; set; }
    public string? Address { get; set; }
}

public enum MatchedOn { NameAndDateOfBirth, Address }

public sealed record SimilarCase(Guid CaseId, string Reference, Guid SubjectId, MatchedOn MatchedOn);

/// <summary>On referral, the open cases that share a subject (name + date of birth) or an address, so the panel links or merges.</summary>
public sealed class SimilarCases(BlindIndex index)
{
    public SubjectIndexEntry Entry(Guid caseId, Guid subjectId, PersonalDetails details) => new()
    {
        Id = subjectId,
        CaseId = caseId,
        NameAndBirth = SubjectMatching.NameAndBirthKey(details) is { } n ? index.Hash("name-dob", n) : null,
        Address = SubjectMatching.AddressKey(details) is { } a ? index.Hash("address", a) : null,
    };

    public async Task<IReadOnlyList<SimilarCase>> FindAsync(IQuerySession session, Guid caseId, IReadOnlyList<SubjectIndexEntry> entries, CancellationToken ct)
    {
        var names = entries.Select(e => e.NameAndBirth).OfType<string>().ToArray();
        var addresses = entries.Select(e => e.Address).OfType<string>().ToArray();
        if (names.Length == 0 && addresses.Length == 0) return [];
        var matches = await session.Query<SubjectIndexEntry>()
            .Where(e => e.CaseId != caseId && (e.NameAndBirth.IsOneOf(names) || e.Address.IsOneOf(addresses)))
            .ToListAsync(ct);
        var open = (await session.LoadManyAsync<CaseFile>(ct, matches.Select(m => m.CaseId).Distinct().ToArray()))
            .Where(c => c.Status == CaseStatus.Open)
            .ToDictionary(c => c.Id, c => c.Reference);
        return matches
            .Where(m => open.ContainsKey(m.CaseId))
            .Select(m => new SimilarCase(m.CaseId, open[m.CaseId], m.Id,
                m.NameAndBirth is { } n && names.Contains(n) ? MatchedOn.NameAndDateOfBirth : MatchedOn.Address))
            .OrderBy(m => m.Reference)
            .ToList();
    }
}
