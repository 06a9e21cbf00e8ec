using System.Text.Json;

namespace CoachBot.Infrastructure.Tests;

/// <summary>Compares records that hold lists (record equality compares list references) by content.</summary>
internal static class JsonAssert
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static void Equivalent<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected, Options), JsonSerializer.Serialize(actual, Options));
}
