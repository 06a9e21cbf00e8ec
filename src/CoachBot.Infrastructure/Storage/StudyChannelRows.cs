using CoachBot.Core.Channels;
using CoachBot.Infrastructure.Storage.Entities;

namespace CoachBot.Infrastructure.Storage;

/// <summary>Rows of the study-channel tables to Core records and back.</summary>
internal static class StudyChannelRows
{
    public static StudyPlace ToRecord(StudyPlaceEntity row) =>
        new(row.PlaceKey, row.ChannelId, row.ConversationId, row.Kind, row.ServiceUrl, row.TenantId, row.TeamId,
            row.TeamsChannelId, row.BotId, row.Name, row.Active, row.Feedback, row.UpdatedAt);

    public static DailySchedule ToRecord(DailyScheduleEntity row) =>
        new(row.Id, row.PlaceKey, row.LocalTime, row.TimeZoneId, StudyChannelJson.DeserializeDays(row.Days), row.SetId,
            StudyChannelJson.DeserializeDates(row.SkipDates), row.Active, row.CreatedBy, row.CreatedAt);

    public static void Apply(DailyScheduleEntity row, DailySchedule schedule)
    {
        row.PlaceKey = schedule.PlaceKey;
        row.LocalTime = schedule.LocalTime;
        row.TimeZoneId = schedule.TimeZoneId;
        row.Days = StudyChannelJson.SerializeDays(schedule.Days);
        row.SetId = schedule.SetId;
        row.SkipDates = StudyChannelJson.SerializeDates(schedule.SkipDates);
        row.Active = schedule.Active;
        row.CreatedBy = schedule.CreatedBy;
        row.CreatedAt = schedule.CreatedAt;
    }

    public static DailyPrompt ToRecord(DailyPromptEntity row) =>
        new(row.Id, row.ScheduleId, row.PlaceKey, row.OccurrenceUtc, row.SetId, row.SetVersion, row.QuestionId, row.ThreadId,
            row.RecapDueUtc, row.RecapSentAt, row.PostId);

    public static DailyPromptEntity ToRow(DailyPrompt prompt) => new()
    {
        Id = prompt.Id,
        ScheduleId = prompt.ScheduleId,
        PlaceKey = prompt.PlaceKey,
        OccurrenceUtc = prompt.OccurrenceUtc,
        SetId = prompt.SetId,
        SetVersion = prompt.SetVersion,
        QuestionId = prompt.QuestionId,
        ThreadId = prompt.ThreadId,
        RecapDueUtc = prompt.RecapDueUtc,
        RecapSentAt = prompt.RecapSentAt,
        PostId = prompt.PostId,
    };

    public static ChannelAnswer ToRecord(ChannelAnswerEntity row) =>
        new(row.Id, row.PromptId, row.PlaceKey, row.UserKey, row.UserName, row.MessageId, row.Answer,
            StorageJson.Deserialize<GradeDocument>(row.GradeJson).ToGradeResult(), row.CreatedAt, row.UpdatedAt);

    public static Delivery ToRecord(DeliveryEntity row) =>
        new(row.Key, row.Kind, row.PlaceKey, row.DueUtc, row.State, row.Attempts, row.LastError, row.ThreadId, row.UpdatedAt);

    public static DeliveryEntity ToRow(Delivery delivery) => new()
    {
        Key = delivery.Key,
        Kind = delivery.Kind,
        PlaceKey = delivery.PlaceKey,
        DueUtc = delivery.DueUtc,
        State = delivery.State,
        Attempts = delivery.Attempts,
        LastError = delivery.LastError,
        ThreadId = delivery.ThreadId,
        UpdatedAt = delivery.UpdatedAt,
    };
}
