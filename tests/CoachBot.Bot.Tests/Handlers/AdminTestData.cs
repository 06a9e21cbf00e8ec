using CoachBot.Core.Admin;
using CoachBot.Core.QuestionSets;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Bot.Tests.Handlers;

/// <summary>Documents, messages and a snapshot of everything an admin command could change, for the chat admin tests.</summary>
internal static class AdminTestData
{
    /// <summary>The seeded set.</summary>
    public const string SeedSet = "amazon-customer-trust";

    /// <summary>The id of <see cref="SreMarkdown"/> (the slug of its title).</summary>
    public const string SreSet = "sre-interview-prep";

    /// <summary>A small valid study document, as an admin would paste it.</summary>
    public const string SreMarkdown = """
        # SRE Interview Prep

        ## Overview
        Site reliability engineering practice.

        ### Key Mental Models
        1. **Error Budgets**: Balance reliability against the speed of change
        2. **Toil Reduction**: Automate repetitive operational work

        ### Interview Application
        **Common Questions**:
        - "What is an error budget and who owns it?"
        - "How do you reduce toil in an on-call rotation?"

        ## Success Criteria
        - [ ] Can explain SLOs and error budgets
        """;

    /// <summary>A study document whose question list (line 9) is empty.</summary>
    public const string NoQuestionsMarkdown = """
        # Broken Prep

        ### Key Mental Models
        1. **Error Budgets**: Balance reliability against the speed of change

        ### Interview Application
        **Common Questions**:

        ## Success Criteria
        - [ ] Something
        """;

    /// <summary>A small valid JSON question set (id <c>sre</c>).</summary>
    public const string SreJson = """
        {
          "id": "sre",
          "title": "SRE prep",
          "models": [
            { "slug": "error-budgets", "name": "Error Budgets" },
            { "slug": "toil", "name": "Toil" }
          ],
          "questions": [
            { "id": "q1", "text": "What is an SLO?", "type": "concept", "targetModels": ["error-budgets"] },
            { "id": "q2", "text": "Tell me about toil", "type": "example-story" }
          ]
        }
        """;

    /// <summary><see cref="SreJson"/> with a trailing comma after the last question (line 10).</summary>
    public static string TrailingCommaJson => SreJson.Replace("\"example-story\" }", "\"example-story\" },", StringComparison.Ordinal);

    /// <summary>The bot on a fresh database whose <c>Admin:Users</c> are <paramref name="admins"/>.</summary>
    public static Task<BotTestServices> ServicesAsync(params string[] admins) =>
        BotTestServices.CreateAsync(services => services.Configure<AdminOptions>(o =>
        {
            foreach (var admin in admins)
            {
                o.Users.Add(admin);
            }
        }));

    /// <summary>A transcript on <paramref name="channelId"/> that fails the test when a turn throws.</summary>
    public static TestFlow Flow(BotTestServices services, string channelId)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new TestFlow(new IdPreservingTestAdapter(channelId) { OnTurnError = (_, ex) => throw new InvalidOperationException("turn failed", ex) }, services.Bot);
    }

    /// <summary>A message from <paramref name="userId"/> (the TestAdapter's own user is <c>user1</c>).</summary>
    public static Activity From(string userId, string text, params Attachment[] attachments) => new(ActivityTypes.Message)
    {
        Text = text,
        From = new ChannelAccount(userId, userId),
        Attachments = attachments,
    };

    /// <summary>Every set version, grant, assignment and audit entry, as one comparable string.</summary>
    public static async Task<string> SnapshotAsync(IServiceProvider services)
    {
        var sets = await services.GetRequiredService<IQuestionSetStore>().GetAllLatestAsync();
        var store = services.GetRequiredService<IAdminStore>();
        var grants = await store.GetGrantsAsync();
        var assignments = await store.GetAssignmentsAsync();
        var audit = await store.GetAuditAsync(0, 1000);
        return string.Join(
            " | ",
            string.Join(",", sets.Select(s => $"{s.Id}@v{s.Version}:{string.Join("", s.Questions.Select(q => q.Enabled ? '+' : '-'))}")),
            string.Join(",", grants.Select(g => g.UserId)),
            string.Join(",", assignments.Select(a => $"{a.Scope}/{a.Key}={a.SetId}")),
            $"audit {audit.Count}");
    }
}
