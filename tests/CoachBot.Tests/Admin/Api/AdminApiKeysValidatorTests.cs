using CoachBot.Admin.Api;
using CoachBot.Core.Admin;

namespace CoachBot.Tests.Admin.Api;

public sealed class AdminApiKeysValidatorTests
{
    [Fact]
    public void KeysOf32CharactersOrMore_AndNoKeys_AreValid()
    {
        var options = new AdminOptions();
        Assert.True(CreateSut().Validate(null, options).Succeeded);

        options.ApiKeys.Add(new string('k', 32));
        options.ApiKeys.Add(new string('k', 80));
        Assert.True(CreateSut().Validate(null, options).Succeeded);
    }

    [Fact]
    public void EveryShortKey_IsNamedByItsIndex_NeverByItsValue()
    {
        var options = new AdminOptions();
        options.ApiKeys.Add(new string('k', 40));
        options.ApiKeys.Add("31-characters-is-one-too-few-xx");
        options.ApiKeys.Add(string.Empty);

        var result = CreateSut().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            ["Admin:ApiKeys:1 is 31 characters long", "Admin:ApiKeys:2 is 0 characters long"],
            result.Failures!.Select(f => f[..f.IndexOf(';', StringComparison.Ordinal)]));
        Assert.DoesNotContain("one-too-few", result.FailureMessage, StringComparison.Ordinal);
    }

    private static AdminApiKeysValidator CreateSut() => new();
}
