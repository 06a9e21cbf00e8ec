namespace CoachBot.Infrastructure.Tests;

/// <summary>A test that needs a PostgreSQL server: skipped, with the reason, when <c>COACHBOT_TEST_POSTGRES</c> is not set.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestStorage.PostgresServer is null)
        {
            Skip = TestStorage.PostgresSkipReason;
        }
    }
}
