using System.Net;

namespace CoachBot.Tests.Admin.Api;

/// <summary>Analytics through the API: the shape of an empty window, and the parameters it checks.</summary>
public sealed class AnalyticsApiTests : AdminApiTest
{
    [Fact]
    public async Task ModelTrend_HasOneSeriesPerModelAndOneAveragePerDay()
    {
        await using var host = await StartAsync();

        var trend = await ReadAsync(await GetAsync(host, $"/api/admin/analytics/models?setId={SeedSet}&days=7"), HttpStatusCode.OK);

        Assert.Equal(7, trend["days"]!.AsArray().Count);
        var series = trend["series"]!.AsArray();
        Assert.Equal(4, series.Count);
        Assert.All(series, s => Assert.Equal(7, s!["averages"]!.AsArray().Count));
        Assert.Equal(0, (int)trend["answers"]!);
        Assert.Empty((await ReadAsync(await GetAsync(host, "/api/admin/analytics/participation?days=7"), HttpStatusCode.OK)).AsArray());
    }

    [Theory]
    [InlineData("/api/admin/analytics/models", HttpStatusCode.BadRequest)]
    [InlineData("/api/admin/analytics/models?setId=amazon-customer-trust&days=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/admin/analytics/participation?days=367", HttpStatusCode.BadRequest)]
    [InlineData("/api/admin/analytics/models?setId=nope", HttpStatusCode.NotFound)]
    public async Task BadParameters_AreProblems(string path, HttpStatusCode status)
    {
        await using var host = await StartAsync();

        await ReadProblemAsync(await GetAsync(host, path), status);
    }
}
