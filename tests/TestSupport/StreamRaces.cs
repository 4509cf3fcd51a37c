using Marten;

namespace CommunitySafety.TestSupport;

/// <summary>
/// Makes a write lose the race for its stream on purpose: armed for a stream, it lets another writer append an event to
/// that stream just before each of the next <c>n</c> commits that append to it (after the command read the stream and
/// decided, before its commit), exactly as a scheduled message or a second user would. Registered as a Marten listener in
/// every service fixture; disarmed, it does nothing.
/// </summary>
public sealed class StreamRaces : DocumentSessionListenerBase
{
    private readonly object _gate = new();
    private Guid _stream;
    private int _remaining;
    private Func<object>? _event;
    private int _interfering;

    /// <summary>How many commits to the armed stream the other writer got ahead of so far.</summary>
    public int Lost { get; private set; }

    /// <summary>The other writer appends <paramref name="concurrentEvent"/> to <paramref name="stream"/> before each of its next
    /// <paramref name="times"/> commits.</summary>
    public void Arm(Guid stream, int times, Func<object> concurrentEvent)
    {
        lock (_gate)
        {
            (_stream, _remaining, _event, Lost) = (stream, times, concurrentEvent, 0);
        }
    }

    public void Disarm() => Arm(Guid.Empty, 0, () => new object());

    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (Volatile.Read(ref _interfering) == 1) return; // the other writer's own commit
        object concurrent;
        lock (_gate)
        {
            if (_remaining == 0 || !session.PendingChanges.Streams().Any(s => s.Id == _stream)) return;
            _remaining--;
            Lost++;
            concurrent = _event!();
        }

        Volatile.Write(ref _interfering, 1);
        try
        {
            await using var other = session.DocumentStore.LightweightSession();
            other.Events.Append(_stream, concurrent);
            await other.SaveChangesAsync(token);
        }
        finally
        {
            Volatile.Write(ref _interfering, 0);
        }
    }
}
