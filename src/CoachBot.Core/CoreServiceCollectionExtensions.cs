using CoachBot.Core.Admin;
using CoachBot.Core.Admin.Commands;
using CoachBot.Core.Channels;
using CoachBot.Core.Channels.Quizzes;
using CoachBot.Core.Diagnostics;
using CoachBot.Core.Grading;
using CoachBot.Core.Grading.Batch;
using CoachBot.Core.Importing;
using CoachBot.Core.Practice;
using CoachBot.Core.Practice.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Core;

/// <summary>Registers the Core services. Options binding and validation are the host's job.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <summary>The practice flow, the 1:1 routing table, the importers and the default grader.</summary>
    public static IServiceCollection AddCoachBotCore(this IServiceCollection services)
    {
        services.AddOptions<PracticeOptions>();
        services.AddOptions<GradingOptions>();
        services.TryAddSingleton<CoachBotMeter>(); // on the host's IMeterFactory when it has one
        services.TryAddSingleton<GradingMetrics>();
        services.TryAddSingleton<DeliveryMetrics>();
        services.AddSingleton<RubricGrader>();
        services.TryAddSingleton<IAnswerGrader>(sp => sp.GetRequiredService<RubricGrader>()); // an LLM grader replaces it
        services.AddSingleton<GradingService>();
        services.AddSingleton<BatchGrader>();
        services.AddSingleton<StudyDocumentParser>();
        services.AddSingleton<QuestionSetImporter>();
        services.AddSingleton<PracticeService>();

        // The 1:1 routing table, in the order `help` lists it.
        services.AddSingleton<IChatCommand, PracticeCommand>();
        services.AddSingleton<IChatCommand, NextCommand>();
        services.AddSingleton<IChatCommand, RetryCommand>();
        services.AddSingleton<IChatCommand, ExampleCommand>();
        services.AddSingleton<IChatCommand, StopCommand>();
        services.AddSingleton<IChatCommand, ProgressCommand>();
        services.AddSingleton<IChatCommand, SetsCommand>();
        services.AddSingleton<IChatCommand, UseCommand>();
        services.AddSingleton<IChatCommand, ForgetMeCommand>();
        services.AddSingleton<IChatCommand, ForgetMeConfirmCommand>();
        services.AddSingleton<IChatCommand, HelpCommand>();

        // Admin commands of the 1:1 chat (the router refuses them to non-admins), in the order `admin help` lists them.
        services.AddSingleton<IChatCommand, AdminSetsCommand>();
        services.AddSingleton<IChatCommand, AdminSetCommand>();
        services.AddSingleton<IChatCommand, AdminVersionsCommand>();
        services.AddSingleton<IChatCommand, AdminImportCommand>();
        services.AddSingleton<IChatCommand, AdminAddQuestionCommand>();
        services.AddSingleton<IChatCommand, AdminDisableQuestionCommand>();
        services.AddSingleton<IChatCommand, AdminEnableQuestionCommand>();
        services.AddSingleton<IChatCommand, AdminRollbackCommand>();
        services.AddSingleton<IChatCommand, AdminActivateCommand>();
        services.AddSingleton<IChatCommand, AdminGrantCommand>();
        services.AddSingleton<IChatCommand, AdminRevokeCommand>();
        services.AddSingleton<IChatCommand, AdminAuditCommand>();
        services.AddSingleton<IChatCommand, AdminHelpCommand>();
        services.AddSingleton<ChatCommandRouter>();

        // Study channels: the channel command table, in the order `help` lists it, and the scheduled work.
        services.AddOptions<AdminOptions>();
        services.AddOptions<StudyChannelOptions>();
        services.AddSingleton<IChannelCommand, SubscribeCommand>();
        services.AddSingleton<IChannelCommand, UnsubscribeCommand>();
        services.AddSingleton<IChannelCommand, ScheduleCommand>();
        services.AddSingleton<IChannelCommand, SkipCommand>();
        services.AddSingleton<IChannelCommand, RunNowCommand>();
        services.AddSingleton<IChannelCommand, FeedbackModeCommand>();
        services.AddSingleton<IChannelCommand, NameMeCommand>();
        services.AddSingleton<IChannelCommand, QuizCommand>();
        services.AddSingleton<IChannelCommand, JoinCommand>();
        services.AddSingleton<IChannelCommand, LeaderboardCommand>();
        services.AddSingleton<IChannelCommand, ActivateHereCommand>();
        services.AddSingleton<ChannelCommandRouter>();
        services.TryAddSingleton<IDeliveryOwners, SingleProcessDeliveryOwners>(); // a cluster replaces it
        services.AddSingleton<DeliveryLedger>();
        services.AddSingleton<PlaceLifecycle>();
        services.AddSingleton<QuizService>();
        services.AddSingleton<DailyPromptRunner>();
        services.AddSingleton<IStudyChannelJobs>(sp => sp.GetRequiredService<DailyPromptRunner>());
        services.AddSingleton<StudyChannelService>();

        // Administration: one service behind chat, the REST API and the web page.
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AdminAccess>();
        services.AddSingleton<QuestionSetAdmin>();
        services.AddSingleton<SetActivation>();
        services.AddSingleton<ChannelAdmin>();
        services.AddSingleton<AdminAnalytics>();
        services.AddSingleton<AdminService>();
        return services;
    }
}
