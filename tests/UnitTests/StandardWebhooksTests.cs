using CommunitySafety.Governance.Webhooks;
using Xunit;

namespace CommunitySafety.UnitTests;

/// <summary>Standard Webhooks 1.0 signing; the expected values were computed independently (Python hmac/hashlib/base64).</summary>
public sealed class StandardWebhooksTests
{
    // Worked example: the key is the bytes 0x01..0x20.
    private const string Secret = "whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";
    private const string MsgId = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
    private const long Timestamp = 1674087231;
    private const string Body = """{"test": 2432232314}""";
    private const string Expected = "v1,muWL5PXdFaVARc4rbhUejaUgOhr1dA0YwErLWdoIRb0=";

    // The Standard Webhooks specification's published test vector.
    private const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string SpecMsgId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long SpecTimestamp = 1614265330;
    private const string SpecSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    [Fact]
    public void The_worked_example_signs_as_computed_independently()
    {
        Assert.Equal(Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()), Secret["whsec_".Length..]);
        Assert.Equal(Expected, StandardWebhooks.Sign(Secret, MsgId, Timestamp, Body));
        Assert.True(StandardWebhooks.Verify(Secret, MsgId, Timestamp, Body, Expected, At));
    }

    [Fact]
    public void The_specifications_published_example_signs_and_verifies()
    {
        Assert.Equal(SpecSignature, StandardWebhooks.Sign(SpecSecret, SpecMsgId, SpecTimestamp, Body));
        Assert.True(StandardWebhooks.Verify(SpecSecret, SpecMsgId, SpecTimestamp, Body, SpecSignature,
            DateTimeOffset.FromUnixTimeSeconds(SpecTimestamp)));
    }

    [Fact]
    public void A_new_secret_is_whsec_and_32_random_bytes()
    {
        var secret = StandardWebhooks.NewSecret();
        Assert.StartsWith("whsec_", secret);
        Assert.Equal(32, StandardWebhooks.Key(secret).Length);
        Assert.NotEqual(secret, StandardWebhooks.NewSecret());
    }

    [Theory]
    [InlineData("AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=")]   // no prefix
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_AQIDBAUGBwgJCgsMDQ4PEBESExQVFhc=")]           // 23 bytes
    public void A_malformed_or_short_secret_is_refused(string secret)
    {
        Assert.Throws<ArgumentException>(() => StandardWebhooks.Sign(secret, MsgId, Timestamp, Body));
    }

    [Fact]
    public void The_signature_header_carries_one_signature_per_secret_and_each_verifies()
    {
        var header = StandardWebhooks.SignatureHeader([Secret, SpecSecret], MsgId, Timestamp, Body);

        Assert.Equal($"{Expected} {StandardWebhooks.Sign(SpecSecret, MsgId, Timestamp, Body)}", header);
        Assert.True(StandardWebhooks.Verify(Secret, MsgId, Timestamp, Body, header, At));
        Assert.True(StandardWebhooks.Verify(SpecSecret, MsgId, Timestamp, Body, header, At));
        Assert.False(StandardWebhooks.Verify(StandardWebhooks.NewSecret(), MsgId, Timestamp, Body, header, At));
        Assert.Throws<ArgumentException>(() => StandardWebhooks.SignatureHeader([], MsgId, Timestamp, Body));
    }

    [Fact]
    public void Verification_fails_for_a_changed_body_id_or_timestamp()
    {
        Assert.False(StandardWebhooks.Verify(Secret, MsgId, Timestamp, """{"test": 2432232315}""", Expected, At));
        Assert.False(StandardWebhooks.Verify(Secret, "msg_other", Timestamp, Body, Expected, At));
        Assert.False(StandardWebhooks.Verify(Secret, MsgId, Timestamp + 1, Body, Expected, At));
    }

    [Theory]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    public void Verification_refuses_a_timestamp_outside_the_five_minute_tolerance(int secondsFromNow, bool valid)
    {
        Assert.Equal(valid, StandardWebhooks.Verify(Secret, MsgId, Timestamp, Body, Expected, At.AddSeconds(-secondsFromNow)));
    }

    [Fact]
    public void A_custom_tolerance_applies()
    {
        Assert.False(StandardWebhooks.Verify(Secret, MsgId, Timestamp, Body, Expected, At.AddSeconds(31), TimeSpan.FromSeconds(30)));
        Assert.True(StandardWebhooks.Verify(Secret, MsgId, Timestamp, Body, Expected, At.AddHours(1), TimeSpan.FromHours(2)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("v1,")]
    [InlineData("muWL5PXdFaVARc4rbhUejaUgOhr1dA0YwErLWdoIRb0=")]            // no version
    [InlineData("v2,muWL5PXdFaVARc4rbhUejaUgOhr1dA0YwErLWdoIRb0=")]         // another version
    [InlineData("v1,muWL5PXdFaVARc4rbhUejaUgOhr1dA0YwErLWdoIRb0")]          // not valid base64
    [InlineData("v1,bXVXTDVQWGRGYVZBUmM0cmJoVWVqYVVnT2hyMWRBMFk=")]       // wrong bytes
    public void A_malformed_or_wrong_signature_header_does_not_verify(string header)
    {
        Assert.False(StandardWebhooks.Verify(Secret, MsgId, Timestamp, Body, header, At));
    }

    [Fact]
    public void Other_entries_in_the_header_do_not_stop_a_match()
    {
        Assert.True(StandardWebhooks.Verify(Secret, MsgId, Timestamp, Body, $"v1a,abc garbage v1,AAAA {Expected}", At));
    }
}
