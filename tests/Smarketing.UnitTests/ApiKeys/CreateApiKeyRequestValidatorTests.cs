using Smarketing.Application.ApiKeys;
using Smarketing.Application.Common;

namespace Smarketing.UnitTests.ApiKeys;

public sealed class CreateApiKeyRequestValidatorTests
{
    private static async Task<IReadOnlyDictionary<string, string[]>> ErrorsFor(CreateApiKeyRequest request)
    {
        var result = await new CreateApiKeyRequestValidator().CheckAsync(request, TestContext.Current.CancellationToken);
        return result?.Errors ?? new Dictionary<string, string[]>();
    }

    [Fact]
    public async Task ANamedKey_IsValid()
    {
        (await ErrorsFor(new CreateApiKeyRequest { Name = "Website form" })).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AKeyWithoutAName_NamesTheNameFieldAndSaysWhy(string name)
    {
        var errors = await ErrorsFor(new CreateApiKeyRequest { Name = name });

        errors.Keys.ShouldBe([nameof(CreateApiKeyRequest.Name)]);
        errors["Name"].ShouldBe(["Name is required, so you can tell your keys apart."]);
    }

    [Fact]
    public async Task ANameLongerThanTheLimit_IsRefused_AndOneAtTheLimitIsNot()
    {
        var tooLong = await ErrorsFor(new CreateApiKeyRequest { Name = new string('k', CreateApiKeyRequestValidator.MaxNameLength + 1) });
        var atLimit = await ErrorsFor(new CreateApiKeyRequest { Name = new string('k', CreateApiKeyRequestValidator.MaxNameLength) });

        tooLong["Name"].ShouldBe([$"Name must be at most {CreateApiKeyRequestValidator.MaxNameLength} characters."]);
        atLimit.ShouldBeEmpty();
    }
}
