using System.Text;
using CoachBot.Core.QuestionSets;
using CoachBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace CoachBot.Tests.Hosting;

/// <summary>Chat admin commands through the real host over HTTP, as Teams' channel sends them: an admin runs them, a learner is refused.</summary>
public sealed class AdminChatOverHttpTests : LoopbackTest
{
    private const string Admin = "29:admin";

    private const string Markdown = """
        # SRE Interview Prep

        ### Key Mental Models
        1. **Error Budgets**: Balance reliability against the speed of change

        ### Interview Application
        **Common Questions**:
        - "What is an error budget and who owns it?"
        """;

    [Fact]
    public async Task Admin_ImportsAnAttachedFile_LearnerIsRefused_AndNothingChangesForThem()
    {
        await using var host = await TestHost.StartAsync(Db, new Dictionary<string, string?> { ["Admin:Users:0"] = Admin });
        var admin = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:personal-admin", Admin);
        var learner = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:personal-learner", "29:learner");
        var file = new JObject
        {
            ["contentType"] = "text/markdown",
            ["contentUrl"] = "data:text/markdown;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(Markdown)),
            ["name"] = "sre.md",
        };

        var refused = learner.Message("admin import");
        refused["attachments"] = new JArray(file);
        var refusal = await SendAsync(host, learner, refused, 1);
        Assert.Contains("Only admins can import question sets.", refusal.VisibleText, StringComparison.Ordinal);
        Assert.Null(await host.Services.GetRequiredService<IQuestionSetStore>().GetLatestAsync("sre-interview-prep"));

        var import = admin.Message("admin import");
        import["attachments"] = new JArray(file);
        var imported = await SendAsync(host, admin, import, 1);
        Assert.Contains("Imported \"SRE Interview Prep\" (sre-interview-prep) v1.", imported.VisibleText, StringComparison.Ordinal);
        Assert.NotNull(imported.Card);

        var sets = await SendAsync(host, admin, admin.Message("admin sets"), 2);
        Assert.Contains("Question sets (2)", sets.VisibleText, StringComparison.Ordinal);
        Assert.Contains("sre-interview-prep\nSRE Interview Prep · v1 · 1 question\n", sets.VisibleText, StringComparison.Ordinal); // a card's stacked label and value
    }
}
