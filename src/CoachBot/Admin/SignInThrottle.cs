using System.Collections.Concurrent;
using System.Net;
using CoachBot.Core.Admin;
using Microsoft.Extensions.Options;

namespace CoachBot.Admin;

/// <summary>
/// Counts failed API-key sign-ins (REST and the web page) per client address in a sliding minute; past
/// <see cref="AdminOptions.FailedSignInsPerMinute"/> the address is refused (429) until its oldest failure ages out.
/// In memory on purpose: it protects this process, and a restart forgetting it costs an attacker nothing they
/// did not have. Bounded: at most <see cref="MaxTrackedClients"/> addresses are tracked.
/// </summary>
public sealed class SignInThrottle(IOptions<AdminOptions> options, TimeProvider time)
{
    /// <summary>The most client addresses tracked at once (oldest forgotten first).</summary>
    public const int MaxTrackedClients = 10_000;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>True when <paramref name="client"/> used up its failures; <paramref name="retryAfter"/> says for how long.</summary>
    public bool IsBlocked(IPAddress? client, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_failures.TryGetValue(Key(client), out var failures))
        {
            return false;
        }

        lock (failures)
        {
            var now = time.GetUtcNow();
            Prune(failures, now);
            if (failures.Count < options.Value.FailedSignInsPerMinute)
            {
                return false;
            }

            retryAfter = failures.Peek() + Window - now;
            if (retryAfter < TimeSpan.FromSeconds(1))
            {
                retryAfter = TimeSpan.FromSeconds(1);
            }

            return true;
        }
    }

    /// <summary>Records one failed sign-in from <paramref name="client"/>.</summary>
    public void RecordFailure(IPAddress? client)
    {
        if (_failures.Count >= MaxTrackedClients)
        {
            ForgetIdle();
        }

        var failures = _failures.GetOrAdd(Key(client), _ => new Queue<DateTimeOffset>());
        lock (failures)
        {
            var now = time.GetUtcNow();
            Prune(failures, now);
            failures.Enqueue(now);
        }
    }

    private void ForgetIdle()
    {
        var now = time.GetUtcNow();
        foreach (var (key, failures) in _failures)
        {
            lock (failures)
            {
                Prune(failures, now);
                if (failures.Count == 0)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }

        // Still full (a flood of distinct addresses): start over rather than grow without bound.
        if (_failures.Count >= MaxTrackedClients)
        {
            _failures.Clear();
        }
    }

    private static void Prune(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() <= now - Window)
        {
            failures.Dequeue();
        }
    }

    private static string Key(IPAddress? client) => client?.MapToIPv6().ToString() ?? "unknown";
}
