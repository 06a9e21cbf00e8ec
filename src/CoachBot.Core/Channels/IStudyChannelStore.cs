namespace CoachBot.Core.Channels;

/// <summary>Durable storage of study places, schedules, prompts, answers and deliveries (infrastructure layer).</summary>
public interface IStudyChannelStore
{
    /// <summary>Inserts or refreshes a place; keeps <see cref="StudyPlace.Feedback"/> and <see cref="StudyPlace.Active"/>=false of an existing row unless <paramref name="reactivate"/>.</summary>
    Task UpsertPlaceAsync(StudyPlace place, bool reactivate, CancellationToken cancellationToken = default);

    /// <summary>A place by key, or <c>null</c>.</summary>
    Task<StudyPlace?> GetPlaceAsync(string placeKey, CancellationToken cancellationToken = default);

    /// <summary>Every place the bot was installed in (active or not), by key.</summary>
    Task<IReadOnlyList<StudyPlace>> GetPlacesAsync(CancellationToken cancellationToken = default);

    /// <summary>Every place of the Teams team <paramref name="teamId"/> (its channels, active or not), by key.</summary>
    Task<IReadOnlyList<StudyPlace>> GetTeamPlacesAsync(string teamId, CancellationToken cancellationToken = default);

    /// <summary>Marks a place active or inactive; inactive also deactivates its schedules.</summary>
    Task SetPlaceActiveAsync(string placeKey, bool active, CancellationToken cancellationToken = default);

    /// <summary>Sets where answer feedback goes in the place.</summary>
    Task SetFeedbackModeAsync(string placeKey, FeedbackMode mode, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a schedule.</summary>
    Task SaveScheduleAsync(DailySchedule schedule, CancellationToken cancellationToken = default);

    /// <summary>A schedule by id, or <c>null</c>.</summary>
    Task<DailySchedule?> GetScheduleAsync(Guid scheduleId, CancellationToken cancellationToken = default);

    /// <summary>Every schedule of the place (active or not), oldest first.</summary>
    Task<IReadOnlyList<DailySchedule>> GetSchedulesAsync(string placeKey, CancellationToken cancellationToken = default);

    /// <summary>Every active schedule (to re-register timers at start).</summary>
    Task<IReadOnlyList<DailySchedule>> GetActiveSchedulesAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts a prompt; returns false when the schedule already has one for that occurrence.</summary>
    Task<bool> TryAddPromptAsync(DailyPrompt prompt, CancellationToken cancellationToken = default);

    /// <summary>Updates a prompt (thread and post id, recap sent).</summary>
    Task UpdatePromptAsync(DailyPrompt prompt, CancellationToken cancellationToken = default);

    /// <summary>A prompt by id, or <c>null</c>.</summary>
    Task<DailyPrompt?> GetPromptAsync(Guid promptId, CancellationToken cancellationToken = default);

    /// <summary>The prompt whose thread is <paramref name="threadId"/>, or <c>null</c>.</summary>
    Task<DailyPrompt?> FindPromptByThreadAsync(string threadId, CancellationToken cancellationToken = default);

    /// <summary>The place's prompt whose posted message is <paramref name="postId"/> (<see cref="DailyPrompt.PostId"/>), or <c>null</c>.</summary>
    Task<DailyPrompt?> FindPromptByPostAsync(string placeKey, string postId, CancellationToken cancellationToken = default);

    /// <summary>Every prompt of the place, oldest first.</summary>
    Task<IReadOnlyList<DailyPrompt>> GetPromptsAsync(string placeKey, CancellationToken cancellationToken = default);

    /// <summary>Inserts or updates (re-grade) an answer.</summary>
    Task SaveAnswerAsync(ChannelAnswer answer, CancellationToken cancellationToken = default);

    /// <summary>The answer that came from <paramref name="messageId"/> in the prompt, or <c>null</c>.</summary>
    Task<ChannelAnswer?> FindAnswerAsync(Guid promptId, string messageId, CancellationToken cancellationToken = default);

    /// <summary>Every answer to a prompt, oldest first.</summary>
    Task<IReadOnlyList<ChannelAnswer>> GetAnswersAsync(Guid promptId, CancellationToken cancellationToken = default);

    /// <summary>The ids of the place's prompts the member answered (their streak); only ids are read, never answer text or grades.</summary>
    Task<IReadOnlySet<Guid>> GetAnsweredPromptIdsAsync(string placeKey, string userKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// The ids of the place's prompts each of <paramref name="userKeys"/> answered (the recap's streaks), keyed by user key;
    /// a member without answers maps to an empty set. Only ids are read.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlySet<Guid>>> GetAnsweredPromptIdsByMemberAsync(
        string placeKey, IReadOnlyCollection<string> userKeys, CancellationToken cancellationToken = default);

    /// <summary>Sets whether the member may be named in the place's recaps.</summary>
    Task SetNamedInRecapsAsync(string placeKey, string userKey, bool named, CancellationToken cancellationToken = default);

    /// <summary>Members of the place who opted in to being named.</summary>
    Task<IReadOnlySet<string>> GetNamedMembersAsync(string placeKey, CancellationToken cancellationToken = default);

    /// <summary>Records a delivery before sending; false when the key exists (already recorded: never send twice).</summary>
    Task<bool> TryRecordDeliveryAsync(Delivery delivery, CancellationToken cancellationToken = default);

    /// <summary>Updates a delivery's state, attempts, error and thread.</summary>
    Task UpdateDeliveryAsync(Delivery delivery, CancellationToken cancellationToken = default);

    /// <summary>
    /// Compare-and-set: replaces the delivery's state, owner, attempts, error, thread and update time with
    /// <paramref name="next"/>'s only while the stored row still has <paramref name="current"/>'s state and owner.
    /// False when another writer changed it first (of concurrent callers with one <paramref name="current"/>, one wins).
    /// </summary>
    Task<bool> TryReplaceDeliveryAsync(Delivery current, Delivery next, CancellationToken cancellationToken = default);

    /// <summary>A delivery by key, or <c>null</c>.</summary>
    Task<Delivery?> GetDeliveryAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Every delivery still <see cref="DeliveryState.Pending"/> or <see cref="DeliveryState.Sending"/> (looked at after a restart or an instance's death).</summary>
    Task<IReadOnlyList<Delivery>> GetPendingDeliveriesAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the learner's answers and preferences in every place ("forget me").</summary>
    Task<int> ForgetMemberAsync(string userKey, CancellationToken cancellationToken = default);
}
