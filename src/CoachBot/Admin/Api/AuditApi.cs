using CoachBot.Core.Admin;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoachBot.Admin.Api;

/// <summary><c>/api/admin/audit</c>: every admin change, newest first.</summary>
public static class AuditApi
{
    /// <summary>Maps the audit route on the admin group.</summary>
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/audit", ReadAsync).WithTags("Audit").WithName("ReadAudit").WithProblems(400)
            .WithSummary("Reads the audit log, newest first: ?skip=0&take=50 (at most 200) and ?target= (a target prefix, e.g. a set id).");
        return admin;
    }

    private static async Task<Results<Ok<List<AuditEntryDto>>, ProblemHttpResult>> ReadAsync(int? skip, int? take, string? target, AdminService admin, CancellationToken ct)
    {
        if (skip < 0)
        {
            return AdminHttp.Invalid("skip", "0 or more");
        }

        if (take is < 1 or > AuditLog.MaxPage)
        {
            return AdminHttp.Invalid("take", $"1 to {AuditLog.MaxPage}");
        }

        return TypedResults.Ok((await admin.Audit.ReadAsync(skip ?? 0, take ?? 50, target, ct)).Select(AuditEntryDto.From).ToList());
    }
}
