using System.Globalization;
using System.Text;
using CommunitySafety.ServiceDefaults;
using JasperFx.Events;
using Marten.Exceptions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>
/// A write without If-Match that loses the race for its stream is decided again (bounded, jittered); with If-Match it is not
/// (issue 15 point 3). The middleware is run here on a pipeline of our own; the integration tests make real races.
/// </summary>
public sealed class ConcurrentWriteTests
{
    private static PostgresException UniqueViolation(string table, string constraint) =>
        new("duplicate key value violates unique constraint", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation,
            tableName: table, constraintName: constraint);

    public static TheoryData<Exception> LostRaces => new()
    {
        new JasperFx.ConcurrencyException("stale", typeof(object), Guid.NewGuid()),
        new EventStreamUnexpectedMaxEventIdException(Guid.NewGuid(), typeof(object), 3, 4),
        new MartenCommandException(new NpgsqlCommand("insert"), UniqueViolation("mt_events", "pk_mt_events_stream_and_version")),
        new InvalidOperationException("outer", new AggregateException(new JasperFx.ConcurrencyException("stale", typeof(object), Guid.NewGuid()))),
    };

    public static TheoryData<Exception> NotRaces => new()
    {
        new JasperFx.Events.ExistingStreamIdCollisionException(Guid.NewGuid(), typeof(object)),
        new MartenCommandException(new NpgsqlCommand("insert"), UniqueViolation("mt_streams", "pkey_mt_streams_id")),
        new MartenCommandException(new NpgsqlCommand("insert"), UniqueViolation("mt_doc_organisation", "mt_doc_organisation_uidx_name")),
        new DomainRuleViolation("quorum-not-met", "Not quorate."),
        new InvalidOperationException("boom"),
    };

    [Theory, MemberData(nameof(LostRaces))]
    public void A_stale_version_or_a_concurrent_append_is_a_lost_race(Exception exception) =>
        Assert.True(ConcurrentWrites.IsLostRace(exception));

    [Theory, MemberData(nameof(NotRaces))]
    public void A_collision_on_a_new_stream_or_another_unique_key_or_any_other_failure_is_not(Exception exception) =>
        Assert.False(ConcurrentWrites.IsLostRace(exception));

    [Theory]
    [InlineData(1, 0.0, 10)]
    [InlineData(1, 1.0, 30)]
    [InlineData(2, 0.5, 40)]
    [InlineData(5, 0.0, 160)]
    [InlineData(5, 1.0, 480)]
    public void The_back_off_doubles_from_20_ms_and_is_drawn_from_half_to_one_and_a_half_of_it(int retry, double random, double milliseconds) =>
        Assert.Equal(milliseconds, ConcurrentWrites.Delay(retry, random).TotalMilliseconds, 6);

    [Theory]
    [InlineData("POST", "", true)]
    [InlineData("PUT", "*", true)]
    [InlineData("DELETE", "", true)]
    [InlineData("POST", "\"3\"", false)]
    [InlineData("PATCH", "\"0\"", false)]
    [InlineData("GET", "", false)]
    public void Only_writes_whose_client_named_no_version_are_retried(string method, string ifMatch, bool retried)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        if (ifMatch.Length > 0) http.Request.Headers.IfMatch = ifMatch;
        Assert.Equal(retried, ConcurrentWrites.MayRetry(http.Request));
    }

    [Theory]
    [InlineData(null, ConcurrentWrites.DefaultRetries)]
    [InlineData("0", 0)]
    [InlineData("12", 12)]
    public void The_number_of_retries_is_configurable(string? value, int expected) =>
        Assert.Equal(expected, ConcurrentWrites.RetriesFrom(Configuration(value)));

    [Theory]
    [InlineData("-1")]
    [InlineData("21")]
    [InlineData("many")]
    public void A_number_of_retries_out_of_range_stops_the_start_up(string value) =>
        Assert.Contains("Writes__ConflictRetries", Assert.Throws<InvalidOperationException>(() => ConcurrentWrites.RetriesFrom(Configuration(value))).Message);

    [Fact]
    public async Task A_write_that_lost_the_race_runs_again_with_the_whole_body_and_a_cleared_answer()
    {
        var bodies = new List<string>();
        var attempts = 0;
        var middleware = Middleware(retries: 3, async http =>
        {
            bodies.Add(await new StreamReader(http.Request.Body).ReadToEndAsync());
            http.Response.Headers.ETag = $"\"{++attempts}\"";
            http.Response.StatusCode = 200;
            if (attempts < 3) throw new JasperFx.ConcurrencyException("stale", typeof(object), Guid.NewGuid());
        });
        var http = Post("""{"membershipId":"a"}""");

        await middleware.InvokeAsync(http);

        Assert.Equal(3, attempts);
        Assert.Equal(Enumerable.Repeat("""{"membershipId":"a"}""", 3), bodies);
        Assert.Equal("\"3\"", http.Response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task A_write_that_keeps_losing_is_tried_once_more_than_the_retries_and_the_last_failure_answers()
    {
        var attempts = 0;
        var middleware = Middleware(retries: 2, _ =>
        {
            attempts++;
            throw new JasperFx.ConcurrencyException("stale", typeof(object), Guid.NewGuid());
        });

        await Assert.ThrowsAsync<JasperFx.ConcurrencyException>(() => middleware.InvokeAsync(Post("{}")));
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task A_write_with_If_Match_or_one_failing_otherwise_is_not_tried_again()
    {
        var attempts = 0;
        var racing = Middleware(retries: 5, _ =>
        {
            attempts++;
            throw new JasperFx.ConcurrencyException("stale", typeof(object), Guid.NewGuid());
        });
        var withIfMatch = Post("{}");
        withIfMatch.Request.Headers.IfMatch = "\"4\"";
        await Assert.ThrowsAsync<JasperFx.ConcurrencyException>(() => racing.InvokeAsync(withIfMatch));
        Assert.Equal(1, attempts);

        attempts = 0;
        var refusing = Middleware(retries: 5, _ =>
        {
            attempts++;
            throw new DomainRuleViolation("quorum-not-met", "Not quorate.");
        });
        await Assert.ThrowsAsync<DomainRuleViolation>(() => refusing.InvokeAsync(Post("{}")));
        Assert.Equal(1, attempts);
    }

    private static IConfiguration Configuration(string? retries) => new ConfigurationBuilder()
        .AddInMemoryCollection(retries is null ? [] : [new KeyValuePair<string, string?>(ConcurrentWrites.RetriesKey, retries)])
        .Build();

    private static ConcurrentWrites.RetryMiddleware Middleware(int retries, RequestDelegate endpoint) =>
        new(endpoint, Configuration(retries.ToString(CultureInfo.InvariantCulture)), NullLogger<ConcurrentWrites.RetryMiddleware>.Instance);

    private static DefaultHttpContext Post(string json)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        var bytes = Encoding.UTF8.GetBytes(json);
        http.Request.Body = new MemoryStream(bytes);
        http.Request.ContentLength = bytes.Length;
        http.Request.ContentType = "application/json";
        return http;
    }
}
