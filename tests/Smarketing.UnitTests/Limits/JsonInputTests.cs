using System.Text;
using Smarketing.Application.Agreements;
using Smarketing.Application.Common;
using Smarketing.Application.Leads;

namespace Smarketing.UnitTests.Limits;

/// <summary>How a program's JSON is read: each problem named by its field, in words, without the serializer's type names.</summary>
public sealed class JsonInputTests
{
    private static IReadOnlyDictionary<string, string[]> ErrorsReading<T>(string json)
    {
        var parsed = JsonInput.Parse(Encoding.UTF8.GetBytes(json));
        if (!parsed.Succeeded)
        {
            return parsed.Errors;
        }

        using var document = parsed.Value;
        return JsonInput.Read(document.RootElement, typeof(T), AgreementJson.InputOptions).Errors;
    }

    [Theory]
    [InlineData("""{"amount":"12"}""", "amount", "'amount' must be a number, not '12'.")]
    [InlineData("""{"amount":1e30}""", "amount", "'amount' must be a number, not 1e30.")]
    [InlineData("""{}""", "amount", "'amount' is required; send a number.")]
    [InlineData("""{"amount":5,"currency":"EUR"}""", "currency", "'currency' is not a field here. The fields are: amount.")]
    [InlineData("""["amount"]""", "body", "The body must be an object, not a list.")]
    public void A_won_amount_that_cannot_be_read_is_named(string json, string field, string message)
    {
        var errors = ErrorsReading<WonRequest>(json);

        errors.Keys.ShouldBe([field]);
        errors[field].ShouldBe([message]);
    }

    [Fact]
    public void Every_missing_required_field_is_named_at_once() =>
        ErrorsReading<ReassignRequest>("{}").Keys.ShouldBe(["ownerEmail", "reason"], ignoreOrder: true);

    [Fact]
    public void Invalid_utf8_is_refused_before_it_is_read()
    {
        var errors = JsonInput.Parse(new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' }).Errors;

        errors["body"].ShouldBe(["The body is not valid UTF-8; send JSON encoded as UTF-8."]);
    }

    [Fact]
    public void Json_nested_deeper_than_32_levels_is_refused() =>
        JsonInput.Parse(Encoding.UTF8.GetBytes(new string('[', 40) + new string(']', 40))).Errors["body"][0]
            .ShouldStartWith("The body is not valid JSON (line 1, byte 33)");
}
