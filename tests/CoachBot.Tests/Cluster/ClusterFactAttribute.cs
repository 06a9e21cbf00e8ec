namespace CoachBot.Tests.Cluster;

/// <summary>
/// A cluster test: it always runs on a PostgreSQL database of its own, so it needs <c>COACHBOT_TEST_POSTGRES</c> and is
/// skipped, with the reason, without it. It is also skipped in the pass that moves every storage fixture to PostgreSQL
/// (<c>COACHBOT_TEST_STORAGE=postgres</c>): it has nothing more to show there than in the first pass.
/// </summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (TestStorage.PostgresServer is null)
        {
            Skip = TestStorage.PostgresSkipReason;
        }
        else if (TestStorage.UsePostgres)
        {
            Skip = "cluster tests use PostgreSQL in every pass; they ran in the first one";
        }
    }
}
