using System.Text;
using System.Text.Json.Nodes;
using RabbitMQ.Client;

namespace CommunitySafety.TestSupport;

/// <summary>
/// A plain AMQP consumer, as an agency on the partnership network would run it: its own exclusive queue bound to one of the
/// platform's fan-out exchanges (<c>csp.decisions</c>, <c>csp.decision-events</c>, …). It keeps every message it takes.
/// </summary>
public sealed class AgencyQueue : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;

    /// <summary>The raw bodies (UTF-8) of every message taken so far, in order.</summary>
    public List<string> Received { get; } = [];

    public string Exchange { get; }

    private AgencyQueue(IConnection connection, IChannel channel, string queue, string exchange) =>
        (_connection, _channel, _queue, Exchange) = (connection, channel, queue, exchange);

    public static async Task<AgencyQueue> BindAsync(Uri broker, string exchange)
    {
        var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, exchange, routingKey: "");
        return new AgencyQueue(connection, channel, queue, exchange);
    }

    /// <summary>The next message, parsed as JSON; fails after <paramref name="timeout"/>.</summary>
    public async Task<JsonNode> NextAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await TakeAsync() is { } body) return JsonNode.Parse(body)!;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No message on {Exchange} within {timeout}.");
    }

    /// <summary>Takes messages until one satisfies <paramref name="until"/> (all are kept in <see cref="Received"/>); fails after <paramref name="timeout"/>.</summary>
    public async Task TakeUntilAsync(Func<string, bool> until, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await TakeAsync() is { } body)
            {
                if (until(body)) return;
                continue;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No such message on {Exchange} within {timeout} ({Received.Count} taken).");
    }

    /// <summary>Takes whatever arrives during <paramref name="quiet"/>.</summary>
    public async Task DrainAsync(TimeSpan quiet)
    {
        var deadline = DateTime.UtcNow + quiet;
        while (DateTime.UtcNow < deadline)
            if (await TakeAsync() is null) await Task.Delay(100);
    }

    private async Task<string?> TakeAsync()
    {
        var message = await _channel.BasicGetAsync(_queue, autoAck: true);
        if (message is null) return null;
        var body = Encoding.UTF8.GetString(message.Body.Span);
        Received.Add(body);
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
    }
}
