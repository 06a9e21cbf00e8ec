using CoachBot.Core.Admin;
using CoachBot.Core.Practice;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Infrastructure.Tests;

/// <summary>
/// How each provider stores a <see cref="DateTimeOffset"/>: SQLite as UTC ticks (exact to 100 ns), PostgreSQL as
/// <c>timestamptz</c> (exact to the microsecond). Both give the instant back in UTC, whatever offset it was written with.
/// </summary>
public sealed class DateTimeStorageTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    // 07:06:07.7654321 at +02:00 is 05:06:07.7654321 UTC; the last digit is below a microsecond.
    private static readonly DateTimeOffset WithOffset = new DateTimeOffset(2026, 3, 4, 7, 6, 7, TimeSpan.FromHours(2)).AddTicks(7654321);

    [Fact]
    public async Task Sqlite_DateTimeOffsetWithAnOffset_ComesBackAsTheSameInstantInUtcToTheTick()
    {
        var services = database.BuildServices(TestDatabase.SqliteSettings(database.PathOf($"{Guid.NewGuid():N}.db")));

        var read = await RoundTripAsync(services, WithOffset);

        Assert.Equal(TimeSpan.Zero, read.Offset);
        Assert.Equal(WithOffset.UtcTicks, read.UtcTicks);
    }

    [PostgresFact]
    public async Task Postgres_DateTimeOffsetWithAnOffset_ComesBackAsTheSameInstantInUtcToTheMicrosecond()
    {
        using var postgres = ThrowawayDatabase.CreatePostgres();
        var services = database.BuildServices(new Dictionary<string, string?>(postgres.Settings));

        var read = await RoundTripAsync(services, WithOffset);

        Assert.Equal(TimeSpan.Zero, read.Offset);
        Assert.Equal(WithOffset.UtcTicks - 1, read.UtcTicks);
    }

    [PostgresFact]
    public async Task Postgres_QueryBoundWithAnOffset_ComparesInstants()
    {
        using var postgres = ThrowawayDatabase.CreatePostgres();
        var services = database.BuildServices(new Dictionary<string, string?>(postgres.Settings));
        var createdAt = await RoundTripAsync(services, WithOffset);
        var analytics = services.GetRequiredService<IAdminAnalyticsStore>();

        // 06:06 at +01:00 is 05:06 UTC: just before the attempt; 08:07 at +03:00 is 05:07 UTC: just after it.
        var since = await analytics.GetGradedAnswersAsync(null, new DateTimeOffset(2026, 3, 4, 6, 6, 0, TimeSpan.FromHours(1)));
        var after = await analytics.GetGradedAnswersAsync(null, new DateTimeOffset(2026, 3, 4, 8, 7, 0, TimeSpan.FromHours(3)));

        Assert.Equal(createdAt, Assert.Single(since).At);
        Assert.Empty(after);
    }

    private static async Task<DateTimeOffset> RoundTripAsync(IServiceProvider services, DateTimeOffset createdAt)
    {
        await services.MigrateCoachBotDatabaseAsync(CancellationToken.None);
        var store = services.GetRequiredService<IPracticeStore>();
        var userKey = TestData.NewUserKey();
        await store.SaveAttemptAsync(TestData.Attempt(userKey, Guid.NewGuid(), "q1", createdAt));
        return Assert.Single(await store.GetAttemptsAsync(userKey)).CreatedAt;
    }
}
