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
        var matches = await MatchAsync(session, caseId, entries, ct);
        return matches
            .Where(m => m.Case.Status == CaseStatus.Open)
            .Select(m => new SimilarCase(m.Case.Id, m.Case.Reference, m.Entry.Id, m.MatchedOn[0]))
            .OrderBy(m => m.Reference)
            .ToList();
    }

    /// <summary>Every case, open or closed, with a subject matching the given name and date of birth, or address.</summary>
    public async Task<IReadOnlyList<SubjectSearchHit>> SearchAsync(IQuerySession session, PersonalDetails probe, CancellationToken ct)
    {
        var matches = await MatchAsync(session, null, [Entry(Guid.Empty, Guid.Empty, probe)], ct);
        return matches
            .GroupBy(m => m.Case.Id)
            .Select(g => new SubjectSearchHit(CaseSignpost.Of(g.First().Case), g.SelectMany(m => m.MatchedOn).Distinct().Order().ToList()))
            .OrderBy(h => h.Case.Status).ThenByDescending(h => h.Case.ReferredAt)
            .ToList();
    }

    /// <summary>The index entries matching any of <paramref name="entries"/>, with their case and what matched (name first).</summary>
    private async Task<IReadOnlyList<(SubjectIndexEntry Entry, CaseFile Case, IReadOnlyList<MatchedOn> MatchedOn)>> MatchAsync(
        IQuerySession session, Guid? exceptCase, IReadOnlyList<SubjectIndexEntry> entries, CancellationToken ct)
    {
        var names = entries.Select(e => e.NameAndBirth).OfType<string>().ToArray();
        var addresses = entries.Select(e => e.Address).OfType<string>().ToArray();
        if (names.Length == 0 && addresses.Length == 0) return [];
        var matches = await session.Query<SubjectIndexEntry>()
            .Where(e => e.NameAndBirth.IsOneOf(names) || e.Address.IsOneOf(addresses))
            .ToListAsync(ct);
        var cases = (await session.LoadManyAsync<CaseFile>(ct, matches.Select(m => m.CaseId).Distinct().ToArray())).ToDictionary(c => c.Id);
        return matches
            .Where(m => m.CaseId != exceptCase && cases.ContainsKey(m.CaseId))
            .Select(m => (m, cases[m.CaseId], Matched(m, names, addresses)))
            .ToList();
    }

    private static IReadOnlyList<MatchedOn> Matched(SubjectIndexEntry entry, string[] names, string[] addresses)
    {
        var matched = new List<MatchedOn>(2);
        if (entry.NameAndBirth is { } n && names.Contains(n)) matched.Add(MatchedOn.NameAndDateOfBirth);
        if (entry.Address is { } a && addresses.Contains(a)) matched.Add(MatchedOn.Address);
        return matched;
    }
}

/// <summary>A case found by a subject search: only what the signpost shows, and what matched.</summary>
public sealed record SubjectSearchHit(CaseSignpost Case, IReadOnlyList<MatchedOn> MatchedOn);
