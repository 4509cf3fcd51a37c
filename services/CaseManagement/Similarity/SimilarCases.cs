using CommunitySafety.CaseManagement.Cases;
using CommunitySafety.CaseManagement.PersonalData;
using CommunitySafety.ServiceDefaults.DataProtection;

namespace CommunitySafety.CaseManagement.Similarity;

/// <summary>
/// The blind-index entry of one subject: keyed hashes of their normalised name + date of birth and of their address,
/// under the index key <see cref="KeyId"/>. Deleted when the subject is erased.
/// </summary>
public sealed class SubjectIndexEntry
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public string KeyId { get; set; } = "";
    public string? NameAndBirth { get; set; }
    public string? Address { get; set; }
}

/// <summary>
/// The blind-index entry of one of a case's locations (which are often addresses): the keyed hash of its normalised form,
/// under the index key <see cref="KeyId"/>. Rebuilt whenever the case's locations change (merge, erasure); deleted with them.
/// </summary>
public sealed class LocationIndexEntry
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public string KeyId { get; set; } = "";
    public string Address { get; set; } = "";
}

public enum MatchedOn { NameAndDateOfBirth, Address }

/// <param name="CaseId">The other case.</param>
/// <param name="Reference">The other case's reference.</param>
/// <param name="SubjectId">The other case's subject that matched; null when one of its locations did.</param>
/// <param name="MatchedOn">What matched: a name and date of birth, or an address.</param>
public sealed record SimilarCase(Guid CaseId, string Reference, Guid? SubjectId, MatchedOn MatchedOn);

/// <summary>A case found by a subject search: only what the signpost shows, and what matched.</summary>
public sealed record SubjectSearchHit(CaseSignpost Case, IReadOnlyList<MatchedOn> MatchedOn);

/// <summary>
/// Similar-case detection and search through a blind index: keyed hashes (HMAC-SHA256) of matching keys, never the
/// personal data, under the index key ring <c>CaseManagement:IndexKey</c>. An entry is written under the current key and
/// says which; lookups hash the probe under every key of the ring, so that entries written before a rotation are still
/// found (and <c>reindex-cases</c> moves them to the current key). An address matches a subject's address or a case's
/// location alike.
/// </summary>
public sealed class CaseIndex(KeyRing ring)
{
    private const string NamePurpose = "name-dob", AddressPurpose = "address", SearchPurpose = "search";

    public KeyRing Ring { get; } = ring;

    public SubjectIndexEntry Entry(Guid caseId, Guid subjectId, PersonalDetails details) => new()
    {
        Id = subjectId,
        CaseId = caseId,
        KeyId = Ring.CurrentId,
        NameAndBirth = SubjectMatching.NameAndBirthKey(details) is { } n ? Ring.Hash($"{NamePurpose}:{n}").Hash : null,
        Address = SubjectMatching.AddressKey(details) is { } a ? Ring.Hash($"{AddressPurpose}:{a}").Hash : null,
    };

    /// <summary>
    /// The entries of a case's locations (in clear, as the case's text key opened them), one per distinct address; none for
    /// a location an erasure redacted (what is left of it is no address to match).
    /// </summary>
    public IReadOnlyList<LocationIndexEntry> Locations(Guid caseId, IEnumerable<string?> locations) =>
    [
        .. locations.OfType<string>().Where(l => !l.Contains(Redaction.Marker)).Select(SubjectMatching.AddressKey).OfType<string>().Distinct()
            .Select(key => new LocationIndexEntry
            {
                Id = Guid.CreateVersion7(), CaseId = caseId, KeyId = Ring.CurrentId, Address = Ring.Hash($"{AddressPurpose}:{key}").Hash,
            }),
    ];

    /// <summary>Replaces, in the session's transaction, the location entries of a case by those of <paramref name="locations"/>.</summary>
    public void Reindex(IDocumentSession session, Guid caseId, IEnumerable<string?> locations)
    {
        session.DeleteWhere<LocationIndexEntry>(e => e.CaseId == caseId);
        if (Locations(caseId, locations) is { Count: > 0 } entries) session.Store(entries.ToArray());
    }

    /// <summary>
    /// A keyed hash of what a search looked for, for the access audit: equal searches give equal hashes (under one key),
    /// and it reveals nothing without the index key. Prefixed with the key's id.
    /// </summary>
    public string SearchHash(PersonalDetails probe)
    {
        var (keyId, hash) = Ring.Hash($"{SearchPurpose}:{SubjectMatching.NameAndBirthKey(probe)}|{SubjectMatching.AddressKey(probe)}");
        return $"{keyId}:{hash}";
    }

    /// <summary>On referral, the open cases (other than this one) sharing a subject (name + date of birth) or an address.</summary>
    public async Task<IReadOnlyList<SimilarCase>> FindAsync(IQuerySession session, Guid caseId, IEnumerable<PersonalDetails> subjects,
        IEnumerable<string> locations, CancellationToken ct)
    {
        var subjectList = subjects.ToList();
        var matches = await MatchAsync(session, caseId,
            subjectList.Select(SubjectMatching.NameAndBirthKey),
            subjectList.Select(SubjectMatching.AddressKey).Concat(locations.Select(SubjectMatching.AddressKey)), ct);
        return [.. matches
            .Where(m => m.Case.Status == CaseStatus.Open)
            .Select(m => new SimilarCase(m.Case.Id, m.Case.Reference, m.SubjectId, m.MatchedOn))
            .Distinct()
            .OrderBy(m => m.Reference).ThenBy(m => m.MatchedOn)];
    }

    /// <summary>Every case, open or closed, with a subject matching the given name and date of birth, or the address (a subject's or a location).</summary>
    public async Task<IReadOnlyList<SubjectSearchHit>> SearchAsync(IQuerySession session, PersonalDetails probe, CancellationToken ct)
    {
        var matches = await MatchAsync(session, null, [SubjectMatching.NameAndBirthKey(probe)], [SubjectMatching.AddressKey(probe)], ct);
        return [.. matches
            .GroupBy(m => m.Case.Id)
            .Select(g => new SubjectSearchHit(CaseSignpost.Of(g.First().Case), [.. g.Select(m => m.MatchedOn).Distinct().Order()]))
            .OrderBy(h => h.Case.Status).ThenByDescending(h => h.Case.ReferredAt)];
    }

    private async Task<IReadOnlyList<(CaseFileView Case, Guid? SubjectId, MatchedOn MatchedOn)>> MatchAsync(IQuerySession session, Guid? exceptCase,
        IEnumerable<string?> nameKeys, IEnumerable<string?> addressKeys, CancellationToken ct)
    {
        // every probe hashed under every key of the ring, remembering which key gave which hash
        var names = Probes(NamePurpose, nameKeys);
        var addresses = Probes(AddressPurpose, addressKeys);
        if (names.Count == 0 && addresses.Count == 0) return [];
        var nameHashes = names.Select(p => p.Hash).ToArray();
        var addressHashes = addresses.Select(p => p.Hash).ToArray();

        var subjects = await session.Query<SubjectIndexEntry>()
            .Where(e => e.NameAndBirth.IsOneOf(nameHashes) || e.Address.IsOneOf(addressHashes))
            .ToListAsync(ct);
        var places = addressHashes.Length == 0 ? [] : await session.Query<LocationIndexEntry>().Where(e => e.Address.IsOneOf(addressHashes)).ToListAsync(ct);
        var found = new List<(Guid CaseId, Guid? SubjectId, MatchedOn MatchedOn)>();
        foreach (var e in subjects)
        {
            if (e.NameAndBirth is { } n && names.Contains((e.KeyId, n))) found.Add((e.CaseId, e.Id, MatchedOn.NameAndDateOfBirth));
            if (e.Address is { } a && addresses.Contains((e.KeyId, a))) found.Add((e.CaseId, e.Id, MatchedOn.Address));
        }
        found.AddRange(places.Where(e => addresses.Contains((e.KeyId, e.Address))).Select(e => (e.CaseId, (Guid?)null, MatchedOn.Address)));
        found.RemoveAll(f => f.CaseId == exceptCase);
        if (found.Count == 0) return [];

        var cases = (await session.LoadManyAsync<CaseFileView>(ct, found.Select(f => f.CaseId).Distinct().ToArray())).ToDictionary(c => c.Id);
        return [.. found.Where(f => cases.ContainsKey(f.CaseId)).Select(f => (cases[f.CaseId], f.SubjectId, f.MatchedOn))];
    }

    private HashSet<(string KeyId, string Hash)> Probes(string purpose, IEnumerable<string?> keys) =>
        [.. keys.OfType<string>().Distinct().SelectMany(k => Ring.Hashes($"{purpose}:{k}"))];
}
