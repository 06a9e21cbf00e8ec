using CoachBot.Grading;
using CoachBot.Hosting;

// CoachBot: `dotnet run --project src/CoachBot` serves the bot; `... -- chat` opens the terminal chat;
// `... -- grade` grades JSON Lines of answers (see `grade --help`); `... -- healthcheck` probes a running host;
// `... -- migrate` migrates the database and exits.
var (mode, hostArgs) = CommandLine.Parse(args);
if (mode == RunMode.HealthCheck)
{
    return await HealthProbe.RunAsync(hostArgs, Console.Out);
}

if (mode == RunMode.Grade)
{
    return await GradeCommand.RunFromConsoleAsync(hostArgs);
}

if (mode == RunMode.Migrate)
{
    return await MigrateCommand.RunAsync(hostArgs, Console.Out, Console.Error);
}

var app = CoachBotApp.Build(hostArgs, mode);
await app.InitializeCoachBotAsync();

if (mode == RunMode.Chat)
{
    return await app.RunTerminalChatAsync(Console.In, Console.Out);
}

app.MapCoachBotEndpoints();
await app.RunAsync();
return 0;

/// <summary>The entry point (public so integration tests can reference the assembly).</summary>
public partial class Program;
