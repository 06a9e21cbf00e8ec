using CoachBot.Core.Admin;
using CoachBot.Core.QuestionSets;
using Microsoft.Bot.Connector;
using Microsoft.Extensions.DependencyInjection;
using static CoachBot.Bot.Tests.Handlers.AdminTestData;

namespace CoachBot.Bot.Tests.Handlers;

/// <summary>
/// Chat edit commands save without an expected version; when another admin's edit stores the same next version first,
/// the store refuses the second save. The admin is told so in chat, and nothing is lost: the other edit is stored
/// intact and the same command, said again, is stored on top of it.
/// </summary>
public sealed class AdminChatConflictTests : IAsyncLifetime
{
    private const string Admin = "user1";
    private const string RivalText = "Which customer signal tells you trust is slipping?";
    private static readonly AdminActor Rival = new("29:rival", "Rival admin", AdminVia.Chat);

    private BotTestServices _services = null!;
    private RacingQuestionSetStore _store = null!;

    public async Task InitializeAsync() => _services = await BotTestServices.CreateAsync(services =>
    {
        services.Configure<AdminOptions>(o => o.Users.Add(Admin));
        var real = services.Single(d => d.ServiceType == typeof(IQuestionSetStore));
        services.Remove(real);
        services.AddSingleton(real.ImplementationType!);
        services.AddSingleton<IQuestionSetStore>(sp => _store = new RacingQuestionSetStore((IQuestionSetStore)sp.GetRequiredService(real.ImplementationType!)));
    });

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Theory]
    [InlineData($"admin add question {SeedSet} Why do passkeys help customers?", false, "question added")]
    [InlineData($"admin disable question {SeedSet} q2", false, "q2 disabled")]
    [InlineData($"admin enable question {SeedSet} q2", true, "q2 enabled")]
    [InlineData($"admin rollback {SeedSet} 1", true, "q2 enabled")]
    public async Task AnotherEditSavedFirst_TheAdminIsToldInChat_AndNothingIsLost(string command, bool q2DisabledFirst, string change)
    {
        var admin = _services.Provider.GetRequiredService<AdminService>().Sets;
        if (q2DisabledFirst)
        {
            Assert.True((await admin.SetQuestionEnabledAsync(AdminActor.System, SeedSet, "q2", false, null)).Succeeded);
        }

        var made = (await admin.GetAsync(SeedSet))!.Version;
        var auditBefore = await AuditAsync();
        _store.BeforeNextAdd = async () => Assert.True((await admin.AddQuestionAsync(Rival, SeedSet, new QuestionDraft(RivalText), null)).Succeeded);

        await Flow(_services, Channels.Msteams).Send(command).AssertReply(a => Assert.Equal(
            $"\"{SeedSet}\" was changed by someone else: your edit was made on v{made}, the latest is v{made + 1}. Nothing was saved; look at v{made + 1} and make your change again.",
            Transcript.Flat(a))).StartTestAsync();

        Assert.Null(_store.BeforeNextAdd); // the race happened inside the command's save
        var winner = (await admin.GetAsync(SeedSet))!;
        Assert.Equal(made + 1, winner.Version);
        Assert.Contains(winner.Questions, q => q.Text == RivalText);
        Assert.False(Has(winner, change), $"the refused edit ({change}) was stored");
        var newEntries = (await AuditAsync()).ExceptBy(auditBefore.Select(e => e.Id), e => e.Id).ToList();
        var entry = Assert.Single(newEntries); // the rival's edit only
        Assert.Equal((Rival.Id, "question.add", made, made + 1), (entry.ActorId, entry.Action, entry.BeforeVersion, entry.AfterVersion));

        await Flow(_services, Channels.Msteams).Send(command).AssertReply(a => Assert.StartsWith("Saved ", Transcript.Flat(a))).StartTestAsync();

        var latest = (await admin.GetAsync(SeedSet))!;
        Assert.Equal(made + 2, latest.Version);
        Assert.True(Has(latest, change), $"the repeated edit ({change}) was not stored");
        Assert.Contains((await admin.GetAsync(SeedSet, made + 1))!.Questions, q => q.Text == RivalText);
        Assert.Contains(await AuditAsync(), e => e.ActorId == Admin && e.BeforeVersion == made + 1 && e.AfterVersion == made + 2);
    }

    private static bool Has(QuestionSet set, string change) => change switch
    {
        "question added" => set.Questions.Any(q => q.Text == "Why do passkeys help customers?"),
        "q2 disabled" => !set.FindQuestion("q2")!.Enabled,
        "q2 enabled" => set.FindQuestion("q2")!.Enabled,
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
    };

    private Task<IReadOnlyList<AuditEntry>> AuditAsync() => _services.Provider.GetRequiredService<AuditLog>().ReadAsync(0, 1000);

    /// <summary>The real store, but the next save first runs <see cref="BeforeNextAdd"/> (another admin's edit landing first).</summary>
    private sealed class RacingQuestionSetStore(IQuestionSetStore inner) : IQuestionSetStore
    {
        private Func<Task>? _beforeNextAdd;

        public Func<Task>? BeforeNextAdd
        {
            get => Volatile.Read(ref _beforeNextAdd);
            set => Volatile.Write(ref _beforeNextAdd, value);
        }

        public async Task<bool> TryAddVersionAsync(QuestionSet set, string createdBy, string? note, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _beforeNextAdd, null) is { } rival)
            {
                await rival();
            }

            return await inner.TryAddVersionAsync(set, createdBy, note, cancellationToken);
        }

        public Task<QuestionSet?> GetLatestAsync(string id, CancellationToken cancellationToken = default) => inner.GetLatestAsync(id, cancellationToken);

        public Task<QuestionSet?> GetVersionAsync(string id, int version, CancellationToken cancellationToken = default) => inner.GetVersionAsync(id, version, cancellationToken);

        public Task<bool> AddIfMissingAsync(QuestionSet set, CancellationToken cancellationToken = default) => inner.AddIfMissingAsync(set, cancellationToken);

        public Task<IReadOnlyList<QuestionSet>> GetAllLatestAsync(CancellationToken cancellationToken = default) => inner.GetAllLatestAsync(cancellationToken);

        public Task<IReadOnlyList<QuestionSetVersionInfo>> GetVersionsAsync(string id, CancellationToken cancellationToken = default) => inner.GetVersionsAsync(id, cancellationToken);
    }
}
