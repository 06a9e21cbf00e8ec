using CoachBot.Core.State;
using CoachBot.Infrastructure.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Bot.Tests.State;

/// <summary>
/// Two app instances (two service providers, so two connection pools) on one database handle two messages of the same
/// conversation at the same moment, through the real bot: both read the conversation's state before either saves it,
/// so one save loses on the eTag, and the bot retries it. No update may be lost, also when the conversation is new
/// (neither found any state: both saves are "create", and the second must not overwrite the first).
/// </summary>
public sealed class ConversationStateAcrossInstancesTests
{
    [Fact]
    public Task Sqlite_TwoInstancesSaveOneConversationAtOnce_OneRetriesAndBothUpdatesSurvive() =>
        RaceAsync(ThrowawayDatabase.CreateSqlite("coachbot-bot-tests"));

    [PostgresFact]
    public Task Postgres_TwoInstancesSaveOneConversationAtOnce_OneRetriesAndBothUpdatesSurvive() =>
        RaceAsync(ThrowawayDatabase.CreatePostgres("coachbot-bot-tests"));

    [Fact]
    public Task Sqlite_TwoInstancesStartOneConversationAtOnce_OneRetriesAndBothUpdatesSurvive() =>
        RaceAsync(ThrowawayDatabase.CreateSqlite("coachbot-bot-tests"), newConversation: true);

    [PostgresFact]
    public Task Postgres_TwoInstancesStartOneConversationAtOnce_OneRetriesAndBothUpdatesSurvive() =>
        RaceAsync(ThrowawayDatabase.CreatePostgres("coachbot-bot-tests"), newConversation: true);

    private static async Task RaceAsync(ThrowawayDatabase database, bool newConversation = false)
    {
        using var _ = database;
        var rendezvous = new Rendezvous(parties: 2);
        await using var first = await BotTestServices.CreateAsync(s => MeetBeforeFirstSave(s, rendezvous), database);
        await using var second = await BotTestServices.CreateAsync(s => MeetBeforeFirstSave(s, rendezvous), database);
        var conversation = new ConversationAccount(id: $"a:race-{Guid.NewGuid():N}", conversationType: "personal");
        if (!newConversation)
        {
            Assert.NotNull(await TurnAsync(first, conversation, "activity-earlier")); // the state exists, with an eTag
        }

        rendezvous.Arm();

        var replies = await Task.WhenAll(
            Task.Run(() => TurnAsync(first, conversation, "activity-a")),
            Task.Run(() => TurnAsync(second, conversation, "activity-b")));

        Assert.All(replies, r => Assert.NotNull(r));
        Assert.Equal(1, rendezvous.Conflicts);
        var key = $"{Channels.Msteams}/conversations/{conversation.Id}";
        var stored = (await first.Provider.GetRequiredService<IStateDocumentStore>().ReadAsync([key]))[key].Json;
        Assert.Equal(!newConversation, stored.Contains("\"activity-earlier\"", StringComparison.Ordinal));
        Assert.Contains("\"activity-a\"", stored, StringComparison.Ordinal);
        Assert.Contains("\"activity-b\"", stored, StringComparison.Ordinal);
    }

    /// <summary>Runs one "help" message through an instance's bot; returns its first reply.</summary>
    private static async Task<IActivity?> TurnAsync(BotTestServices instance, ConversationAccount conversation, string activityId)
    {
        var adapter = new IdPreservingTestAdapter(Channels.Msteams) { OnTurnError = (_, ex) => throw new InvalidOperationException("turn failed", ex) };
        var message = new Activity(ActivityTypes.Message) { Text = "help", From = new ChannelAccount("29:racer", "Racer") };
        var activity = IdPreservingTestAdapter.WithId(IdPreservingTestAdapter.InConversation(message, conversation), activityId);
        await adapter.ProcessActivityAsync(activity, instance.Bot.OnTurnAsync, CancellationToken.None);
        return adapter.GetNextReply();
    }

    private static void MeetBeforeFirstSave(IServiceCollection services, Rendezvous rendezvous) =>
        services.AddSingleton<IStateDocumentStore>(sp => new RendezvousStateStore(ActivatorUtilities.CreateInstance<EfStateDocumentStore>(sp), rendezvous));

    /// <summary>
    /// Once armed, holds each instance's first conditional write (one with an eTag, or a create) until every instance
    /// has reached its own, so all have read the same state before any saves; counts the conflicts.
    /// </summary>
    private sealed class Rendezvous(int parties)
    {
        private readonly TaskCompletionSource _everyone = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;
        private int _conflicts;
        private volatile bool _armed;

        public int Conflicts => Volatile.Read(ref _conflicts);

        public bool Armed => _armed;

        public void Arm() => _armed = true;

        public Task ArriveAsync()
        {
            if (Interlocked.Increment(ref _arrived) == parties)
            {
                _everyone.TrySetResult();
            }

            return _everyone.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }

        public void CountConflict() => Interlocked.Increment(ref _conflicts);
    }

    /// <summary>The real store, with the rendezvous before the instance's first conditional write.</summary>
    private sealed class RendezvousStateStore(IStateDocumentStore inner, Rendezvous rendezvous) : IStateDocumentStore
    {
        private int _conditionalWrites;

        public Task<IReadOnlyDictionary<string, StateDocument>> ReadAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(keys, cancellationToken);

        public async Task<string> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken = default)
        {
            if (expectedETag is not null && rendezvous.Armed && Interlocked.Increment(ref _conditionalWrites) == 1)
            {
                await rendezvous.ArriveAsync();
            }

            try
            {
                return await inner.WriteAsync(key, json, expectedETag, cancellationToken);
            }
            catch (StateConflictException)
            {
                rendezvous.CountConflict();
                throw;
            }
        }

        public Task<int> DeleteAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
            inner.DeleteAsync(keys, cancellationToken);
    }
}
