using CoachBot.Bot.Terminal;
using Microsoft.Bot.Builder;

namespace CoachBot.Hosting;

/// <summary>The terminal chat: the same bot, storage and grader, one line per message.</summary>
public static class TerminalChat
{
    /// <summary>
    /// Reads lines until end of input or <c>quit</c>/<c>exit</c>. When input is piped, each line is
    /// echoed after a <c>&gt;</c> so the transcript reads like a conversation.
    /// </summary>
    public static async Task<int> RunTerminalChatAsync(this WebApplication app, TextReader input, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var interactive = ReferenceEquals(input, Console.In) && !Console.IsInputRedirected;
        var userId = Environment.GetEnvironmentVariable("COACHBOT_CHAT_USER") is { Length: > 0 } configured ? configured : "local-user";
        var adapter = new TerminalAdapter(output, userId, app.Services.GetRequiredService<ILogger<TerminalAdapter>>());
        await using var scope = app.Services.CreateAsyncScope();
        var bot = scope.ServiceProvider.GetRequiredService<IBot>();

        await output.WriteLineAsync("CoachBot terminal chat. Type help for commands, quit to leave.");
        await output.WriteLineAsync();
        await adapter.StartAsync(bot, cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (interactive)
            {
                await output.WriteAsync("> ");
                await output.FlushAsync(cancellationToken);
            }

            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                break;
            }

            if (!interactive)
            {
                await output.WriteLineAsync($"> {line}");
            }

            if (line.Trim().ToLowerInvariant() is "quit" or "exit")
            {
                break;
            }

            await adapter.SendAsync(line, bot, cancellationToken);
        }

        await output.WriteLineAsync("Bye. Your progress is saved.");
        await output.FlushAsync(cancellationToken);
        return 0;
    }
}
