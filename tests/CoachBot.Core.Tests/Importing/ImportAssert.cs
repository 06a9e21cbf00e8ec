using CoachBot.Core.Importing;

namespace CoachBot.Core.Tests.Importing;

/// <summary>Assertions on import results.</summary>
internal static class ImportAssert
{
    /// <summary>Asserts the import failed (no set) with exactly one error, and returns it.</summary>
    public static ImportProblem SingleError(ImportResult result)
    {
        Assert.Null(result.Set);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors);
    }
}
