using CoachBot.Core.Messages;
using CoachBot.Core.Practice;

namespace CoachBot.Core.Admin.Commands;

/// <summary><c>admin grant &lt;user&gt;</c>: makes a user (an id, or an @mention) an admin.</summary>
public sealed class AdminGrantCommand(AdminAccess access) : AdminChatCommand
{
    public override string Name => "admin grant";

    public override string Usage => "admin grant <user id or @mention>";

    public override string Summary => "make someone an admin";

    public override string AdminAction => "grant admin rights";

    public override int MaxArgumentWords => 1;

    public override async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        // A Teams mention carries the AAD object id when it can: the id Teams admins are usually configured by.
        var ids = UserArgument.Ids(turn, arguments);
        return ids.Count == 0 ? UsageReply() : [AdminMessages.Result(await access.GrantAsync(Actor(turn), ids[0], cancellationToken))];
    }
}

/// <summary><c>admin revoke &lt;user&gt;</c>: removes a granted admin (configured admins and the last admin stay).</summary>
public sealed class AdminRevokeCommand(AdminAccess access) : AdminChatCommand
{
    public override string Name => "admin revoke";

    public override string Usage => "admin revoke <user id or @mention>";

    public override string Summary => "remove a granted admin (not configured ones, never the last)";

    public override string AdminAction => "revoke admin rights";

    public override int MaxArgumentWords => 1;

    public override async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var ids = UserArgument.Ids(turn, arguments);
        if (ids.Count == 0)
        {
            return UsageReply();
        }

        // A mention names a user by two ids; revoke the one the admin list holds.
        var admins = await access.ListAdminsAsync(cancellationToken);
        var id = ids.FirstOrDefault(i => admins.Any(a => string.Equals(a.UserId, i, StringComparison.OrdinalIgnoreCase))) ?? ids[0];
        return [AdminMessages.Result(await access.RevokeAsync(Actor(turn), id, cancellationToken))];
    }
}
