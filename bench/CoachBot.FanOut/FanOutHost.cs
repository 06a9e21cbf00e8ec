using CoachBot.Core.Channels;
using CoachBot.Hosting;

namespace CoachBot.FanOut;

/// <summary>
/// The real CoachBot host in this process: Kestrel on 127.0.0.1 (a free port), a temporary SQLite file, anonymous mode,
/// Quartz not started (<c>Scheduling:Enabled=false</c>: the driver fires the occurrence itself), logging at Warning.
/// The sender is wrapped in a <see cref="TimedMessenger"/> so the driver can see the time spent inside it.
/// </summary>
internal sealed class FanOutHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private FanOutHost(WebApplication app, string directory, TimedMessenger messenger)
    {
        _app = app;
        _directory = directory;
        Messenger = messenger;
    }

    public IServiceProvider Services => _app.Services;

    public TimedMessenger Messenger { get; }

    public static async Task<FanOutHost> StartAsync(int tenantMessagesPerSecond)
    {
        var directory = Directory.CreateTempSubdirectory("coachbot-fanout-").FullName;
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--ConnectionStrings:CoachBot", $"Data Source={Path.Combine(directory, "coachbot.db")}",
            "--Scheduling:Enabled", "false",
            "--ChannelSending:TenantMessagesPerSecond", tenantMessagesPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--Logging:LogLevel:Default", "Warning",

            // The one start-up warning (anonymous mode) is expected here; keep the figures readable.
            "--Logging:LogLevel:CoachBot", "Error",
        ];
        var app = CoachBotApp.Build(args, RunMode.Serve, builder => TimedMessenger.Decorate(builder.Services));
        await app.InitializeCoachBotAsync();
        app.MapCoachBotEndpoints();
        await app.StartAsync();
        return new FanOutHost(app, directory, (TimedMessenger)app.Services.GetRequiredService<IChannelMessenger>());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }
}
