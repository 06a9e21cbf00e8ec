using CoachBot.Core.Admin;
using Microsoft.AspNetCore.Mvc;

namespace CoachBot.Admin.Web.Pages;

/// <summary><c>/admin/audit</c>: the audit log, newest first, a page at a time, optionally for one target (a set id, <c>apikey/…</c>).</summary>
public sealed class AuditModel(AdminService admin) : AdminPageModel
{
    /// <summary>Entries per page.</summary>
    public const int PageSize = 50;

    /// <summary>The page, from 1 (query <c>p</c>).</summary>
    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    /// <summary>Only targets starting with this (query <c>target</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Target { get; set; }

    /// <summary>The entries shown.</summary>
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>True when there may be older entries.</summary>
    public bool HasOlder { get; private set; }

    /// <summary>Loads one page (one extra entry tells whether there is another page).</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var entries = await admin.Audit.ReadAsync((PageNumber - 1) * PageSize, PageSize + 1, Target, cancellationToken);
        HasOlder = entries.Count > PageSize;
        Entries = [.. entries.Take(PageSize)];
    }
}
