using CoachBot.Core.Admin;
using CoachBot.Core.Channels;
using CoachBot.Core.Channels.Quizzes;
using CoachBot.Core.Grading;
using CoachBot.Core.Practice;
using CoachBot.Core.QuestionSets;
using CoachBot.Core.State;
using CoachBot.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoachBot.Infrastructure;

/// <summary>Registration of the storage layer.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the storage layer: <see cref="StorageOptions"/> (section <c>Storage</c>, validated at start),
    /// a pooled <see cref="IDbContextFactory{TContext}"/> of <see cref="CoachBotDbContext"/> on the
    /// <c>ConnectionStrings:CoachBot</c> connection string (SQLite, or with <c>Storage:Provider</c> <c>postgres</c>
    /// a <see cref="PostgresCoachBotDbContext"/> on Npgsql), the singleton stores (<see cref="IPracticeStore"/>, <see cref="IGradeCache"/>,
    /// <see cref="IQuestionSetStore"/>, <see cref="IStateDocumentStore"/>, <see cref="IConversationStore"/>, <see cref="IStudyChannelStore"/>, <see cref="IQuizStore"/>, <see cref="IAdminStore"/>, <see cref="IAdminAnalyticsStore"/>; the grade cache,
    /// the study-channel store, the quiz store and the admin store are also <see cref="ILearnerDataEraser"/>s),
    /// <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is already registered, and a hosted
    /// service that applies the migrations when the host starts (before other hosted services start; with
    /// <c>Storage:MigrateAtStart</c> false it only checks that none is pending).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration holding <c>Storage</c> and <c>ConnectionStrings:CoachBot</c>.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddCoachBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Configure(o => o.ConnectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);

        // The provider is chosen now (each has its own context type, for its own migrations); the options are
        // read again, validated, when the first context is made.
        if (StorageOptions.FromConfiguration(configuration).IsPostgres)
        {
            services.AddPooledDbContextFactory<PostgresCoachBotDbContext>((sp, options) =>
                options.UseNpgsql(sp.GetRequiredService<IOptions<StorageOptions>>().Value.EffectiveConnectionString));
            services.AddSingleton<IDbContextFactory<CoachBotDbContext>, PostgresDbContextFactory>();
        }
        else
        {
            services.AddPooledDbContextFactory<CoachBotDbContext>((sp, options) =>
                options.UseSqlite(SqliteConnectionStrings.Prepare(sp.GetRequiredService<IOptions<StorageOptions>>().Value.EffectiveConnectionString))
                    .AddInterceptors(SqliteBusyTimeoutInterceptor.Instance));
        }

        services.AddSingleton<IPracticeStore, EfPracticeStore>();
        services.AddSingleton<IQuestionSetStore, EfQuestionSetStore>();
        services.AddSingleton<IStateDocumentStore, EfStateDocumentStore>();
        services.AddSingleton<IConversationStore, EfConversationStore>();
        services.AddSingleton<EfGradeCache>();
        services.AddSingleton<IGradeCache>(sp => sp.GetRequiredService<EfGradeCache>());
        services.AddSingleton<ILearnerDataEraser>(sp => sp.GetRequiredService<EfGradeCache>());
        services.AddSingleton<EfStudyChannelStore>();
        services.AddSingleton<IStudyChannelStore>(sp => sp.GetRequiredService<EfStudyChannelStore>());
        services.AddSingleton<ILearnerDataEraser>(sp => sp.GetRequiredService<EfStudyChannelStore>());
        services.AddSingleton<EfQuizStore>();
        services.AddSingleton<IQuizStore>(sp => sp.GetRequiredService<EfQuizStore>());
        services.AddSingleton<ILearnerDataEraser>(sp => sp.GetRequiredService<EfQuizStore>());
        services.AddSingleton<EfAdminStore>();
        services.AddSingleton<IAdminStore>(sp => sp.GetRequiredService<EfAdminStore>());
        services.AddSingleton<ILearnerDataEraser>(sp => sp.GetRequiredService<EfAdminStore>());
        services.AddSingleton<IAdminAnalyticsStore, EfAdminAnalyticsStore>();

        services.TryAddSingleton<CoachBotDatabaseInitializer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CoachBotDatabaseMigrator>());
        return services;
    }

    /// <summary>
    /// Applies the pending EF Core migrations (creating the database when missing) and, on SQLite, enables WAL
    /// journaling, whatever <c>Storage:MigrateAtStart</c> says (the <c>migrate</c> command). Idempotent within a
    /// process: later calls return 0 at once.
    /// </summary>
    /// <param name="services">The service provider built from a collection with <see cref="AddCoachBotStorage"/>.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>How many migrations were applied.</returns>
    public static Task<int> MigrateCoachBotDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<CoachBotDatabaseInitializer>().EnsureMigratedAsync(cancellationToken);
    }

    /// <summary>
    /// What the app does at start: applies the pending migrations, or with <c>Storage:MigrateAtStart</c> false throws
    /// <see cref="InvalidOperationException"/> (naming the <c>migrate</c> command) when one is pending. The hosted
    /// service registered by <see cref="AddCoachBotStorage"/> does the same at host start, so calling this is only
    /// needed before the host starts (or without a host).
    /// </summary>
    /// <param name="services">The service provider built from a collection with <see cref="AddCoachBotStorage"/>.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    public static Task EnsureCoachBotDatabaseReadyAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<CoachBotDatabaseInitializer>().EnsureReadyAsync(cancellationToken);
    }
}
