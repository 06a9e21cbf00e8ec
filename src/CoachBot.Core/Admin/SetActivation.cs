using CoachBot.Core.Practice;
using CoachBot.Core.QuestionSets;
using Microsoft.Extensions.Options;

namespace CoachBot.Core.Admin;

/// <summary>
/// Which question set is active: per learner (<c>use &lt;set&gt;</c>), per place (channel or group chat), per Teams
/// team, and a default (stored; else <see cref="PracticeOptions.DefaultSetId"/>). The most specific wins.
/// </summary>
public sealed class SetActivation(IAdminStore store, IQuestionSetStore sets, AuditLog audit, IOptions<PracticeOptions> practice, TimeProvider time)
{
    /// <summary>The set for a learner in a place: user, then place, then team, then the default.</summary>
    public async Task<string> ResolveAsync(string? userKey, string? placeKey, string? teamId, CancellationToken cancellationToken = default)
    {
        foreach (var (scope, key) in new (SetScope, string?)[] { (SetScope.User, userKey), (SetScope.Place, placeKey), (SetScope.Team, teamId), (SetScope.Default, string.Empty) })
        {
            if (key is not null && await store.GetAssignmentAsync(scope, key, cancellationToken) is { } assignment)
            {
                return assignment.SetId;
            }
        }

        return practice.Value.DefaultSetId;
    }

    /// <summary>Every assignment.</summary>
    public Task<IReadOnlyList<SetAssignment>> ListAsync(CancellationToken cancellationToken = default) => store.GetAssignmentsAsync(cancellationToken);

    /// <summary><c>admin activate &lt;set&gt; [here]</c>: makes a set active for a scope (audited).</summary>
    public async Task<AdminResult<SetAssignment>> ActivateAsync(AdminActor actor, string setId, SetScope scope, string? key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var scopeKey = scope == SetScope.Default ? string.Empty : key?.Trim() ?? string.Empty;
        if (scope != SetScope.Default && scopeKey.Length is 0 or > 400)
        {
            return AdminResult<SetAssignment>.Invalid($"Say which {scope.ToString().ToLowerInvariant()} the set is for.", AdminProblems.One("key", "required for this scope"));
        }

        if (await FindSetAsync(setId, cancellationToken) is not { } set)
        {
            return AdminResult<SetAssignment>.Fail(AdminStatus.NotFound, NoSuchSet(setId));
        }

        var assignment = new SetAssignment(scope, scopeKey, set.Id, actor.Id, time.GetUtcNow());
        await store.SetAssignmentAsync(assignment, cancellationToken);
        await audit.RecordAsync(actor, "set.activate", set.Id, null, null, scope == SetScope.Default ? "default" : $"{scope.ToString().ToLowerInvariant()} {scopeKey}", cancellationToken);
        return AdminResult<SetAssignment>.Ok(assignment, scope switch
        {
            SetScope.Default => $"\"{set.Title}\" ({set.Id}) is now the default set.",
            SetScope.Place => $"\"{set.Title}\" ({set.Id}) is now the set for this conversation.",
            SetScope.Team => $"\"{set.Title}\" ({set.Id}) is now the set for this team.",
            _ => $"\"{set.Title}\" ({set.Id}) is now the set for {scopeKey}.",
        });
    }

    /// <summary><c>use &lt;set&gt;</c> / <c>use default</c>: a learner's own choice (not an admin change, not audited).</summary>
    public async Task<AdminResult<QuestionSet>> UseAsync(string userKey, string? setId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userKey);
        if (string.IsNullOrWhiteSpace(setId) || setId.Trim().Equals("default", StringComparison.OrdinalIgnoreCase))
        {
            await store.RemoveAssignmentAsync(SetScope.User, userKey, cancellationToken);
            var fallback = await sets.GetLatestAsync(await ResolveAsync(null, null, null, cancellationToken), cancellationToken);
            return fallback is null
                ? AdminResult<QuestionSet>.Fail(AdminStatus.NotFound, "Back to the default set.")
                : AdminResult<QuestionSet>.Ok(fallback, $"Back to the default set: \"{fallback.Title}\".");
        }

        if (await FindSetAsync(setId, cancellationToken) is not { } set)
        {
            return AdminResult<QuestionSet>.Fail(AdminStatus.NotFound, NoSuchSet(setId));
        }

        await store.SetAssignmentAsync(new SetAssignment(SetScope.User, userKey, set.Id, userKey, time.GetUtcNow()), cancellationToken);
        return AdminResult<QuestionSet>.Ok(set, $"You're now practising \"{set.Title}\" ({set.EnabledQuestions.Count} questions). Say practice to start.");
    }

    private async Task<QuestionSet?> FindSetAsync(string? setId, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(setId) || setId.Trim().Length > 64 ? null : await sets.GetLatestAsync(setId.Trim().ToLowerInvariant(), cancellationToken);

    private static string NoSuchSet(string? setId) =>
        $"There is no question set \"{Channels.Scheduling.ScheduleSpec.Clip(setId ?? string.Empty)}\". Say sets to see the ones there are.";
}
