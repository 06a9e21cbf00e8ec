using CoachBot.Core.Admin;

namespace CoachBot.Admin.Api;

/// <summary>One audited change.</summary>
public sealed record AuditEntryDto(
    Guid Id, DateTimeOffset At, string ActorId, string? ActorName, AdminVia Via, string Action, string Target, int? BeforeVersion, int? AfterVersion, string? Detail)
{
    internal static AuditEntryDto From(AuditEntry e) =>
        new(e.Id, e.At, e.ActorId, e.ActorName, e.Via, e.Action, e.Target, e.BeforeVersion, e.AfterVersion, e.Detail);
}

/// <summary>Per-model daily class averages of a set; each series' averages line up with <see cref="Days"/> (null: no answers).</summary>
public sealed record ModelTrendDto(string SetId, string SetTitle, string? PlaceKey, IReadOnlyList<DateOnly> Days, IReadOnlyList<ModelSeriesDto> Series, int Answers)
{
    internal static ModelTrendDto From(ModelTrend t) => new(
        t.SetId, t.SetTitle, t.PlaceKey, t.Days, [.. t.Series.Select(s => new ModelSeriesDto(s.Slug, s.Name, s.Averages, s.Overall))], t.Answers);
}

/// <summary>One mental model's averages.</summary>
public sealed record ModelSeriesDto(string Slug, string Name, IReadOnlyList<double?> Averages, double? Overall);

/// <summary>Participation in one place (<see cref="PlaceKey"/> <c>null</c>: 1:1 practice).</summary>
public sealed record ParticipationDto(string? PlaceKey, string Name, int Answers, int Members, double? AverageScore, DateTimeOffset? LastAnswerAt)
{
    internal static ParticipationDto From(Participation p) => new(p.PlaceKey, p.Name, p.Answers, p.Members, p.AverageScore, p.LastAnswerAt);
}
