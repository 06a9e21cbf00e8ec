using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace CoachBot.Bot.Tests;

/// <summary>
/// TestAdapter numbers inbound activities itself (0, 1, 2, … per adapter), overwriting any id the test
/// set. Real channels give every message a unique id and keep it when the message is edited, and
/// CoachBot relies on both (redelivery guard, re-grading edits). This adapter gives every activity a
/// unique id, or the one a test asked for with <see cref="WithId"/>.
/// </summary>
public sealed class IdPreservingTestAdapter : TestAdapter
{
    private const string IdProperty = "test.id";
    private const string ConversationProperty = "test.conversation";

    public IdPreservingTestAdapter(string channelId)
        : base(channelId) => Use(new RestoreIds());

    /// <summary>Marks <paramref name="activity"/> to arrive in <paramref name="conversation"/> (TestAdapter would use its own).</summary>
    public static Activity InConversation(Activity activity, ConversationAccount conversation)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Properties[ConversationProperty] = Newtonsoft.Json.Linq.JObject.FromObject(conversation);
        return activity;
    }

    /// <summary>Marks <paramref name="activity"/> to arrive with exactly <paramref name="id"/>.</summary>
    public static Activity WithId(Activity activity, string id)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Properties[IdProperty] = id;
        return activity;
    }

    private sealed class RestoreIds : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            var wanted = (string?)turnContext.Activity.Properties?[IdProperty];
            turnContext.Activity.Id = wanted ?? Guid.NewGuid().ToString("N");
            if (turnContext.Activity.Properties?[ConversationProperty] is Newtonsoft.Json.Linq.JObject conversation)
            {
                turnContext.Activity.Conversation = conversation.ToObject<ConversationAccount>();
            }

            return next(cancellationToken);
        }
    }
}
