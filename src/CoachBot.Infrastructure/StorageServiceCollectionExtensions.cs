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
    /// <c>ConnectionStrings:CoachBot</c> connection string, the singleton stores (<see cref="IPracticeStore"/>, <see cref="IGradeCache"/>,
    /// <see cref="IQuestionSetStore"/>, <see cref="IStateDocumentStore"/>, <see cref="IConversationStore"/>, <see cref="IStudyChannelStore"/>, <see cref="IQuizStore"/>, <see cref="IAdminStore"/>, <see cref="IAdminAnalyticsStore"/>; the grade cache,
    /// the study-channel store, the quiz store and the admin store are also <see cref="ILearnerDataEraser"/>s),
    /// <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is already registered, and a hosted
    /// service that applies the migrations when the host starts (before other hosted services start).
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
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);

        services.AddPooledDbContextFactory<CoachBotDbContext>((sp, options) =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var connectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                connectionString = StorageOptions.DefaultConnectionString;
            }

            if (!string.Equals(storage.Provider, StorageOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Storage:Provider '{storage.Provider}' is not supported.");
            }

            options.UseSqlite(SqliteConnectionStrings.Prepare(connectionString))
                .AddInterceptors(SqliteBusyTimeoutInterceptor.Instance);
        });

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
    /// journaling. Idempotent; the hosted service registered by <see cref="AddCoachBotStorage"/> does the same
    /// at host start, so calling this is only needed before the host starts (or without a host).
    /// </summary>
    /// <param name="services">The service provider built from a collection with <see cref="AddCoachBotStorage"/>.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    public static Task MigrateCoachBotDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<CoachBotDatabaseInitializer>().EnsureMigratedAsync(cancellationToken);
    }
}
