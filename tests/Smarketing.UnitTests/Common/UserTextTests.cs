using Smarketing.Domain.Common;

namespace Smarketing.UnitTests.Common;

/// <summary>Typed text inside a sentence Smarketing writes keeps its own direction to itself.</summary>
public sealed class UserTextTests
{
    [Fact]
    public void ANameIsKeptAsTyped_BetweenAnIsolateAndItsEnd()
    {
        var name = "Ann \u202Efdp.exe";

        var isolated = UserText.Isolate(name);

        isolated.ShouldBe("\u2068Ann \u202Efdp.exe\u2069");
        isolated[1..^1].ShouldBe(name);
    }

    [Fact]
    public void AMissingTextIsAnEmptyIsolate_NotTheWordNull()
    {
        UserText.Isolate(null).ShouldBe("\u2068\u2069");
    }
}
