using CoachBot.Tests.Fakes;
using Newtonsoft.Json.Linq;

namespace CoachBot.Tests.StudyChannels;

/// <summary>Teams channel activities for the real host, and waiting for what the loopback connector receives.</summary>
internal static class TeamsChannelHttp
{
    /// <summary>A message in <paramref name="conversationId"/> (the channel or one of its threads); <c>&lt;at&gt;</c> text mentions the bot.</summary>
    public static JObject Message(string serviceUrl, string channel, string text, string conversationId, string userId)
    {
        var activity = new ActivityBuilder("msteams", serviceUrl, conversationId, userId).Message(text);
        activity["conversation"] = new JObject { ["id"] = conversationId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = "tenant-1" };
        activity["channelData"] = new JObject
        {
            ["team"] = new JObject { ["id"] = "19:team@thread.tacv2" },
            ["channel"] = new JObject { ["id"] = channel, ["name"] = "study" },
            ["tenant"] = new JObject { ["id"] = "tenant-1" },
        };
        if (text.Contains("<at>", StringComparison.Ordinal))
        {
            activity["entities"] = new JArray(new JObject { ["type"] = "mention", ["mentioned"] = new JObject { ["id"] = "28:coachbot" }, ["text"] = "<at>CoachBot</at>" });
        }

        return activity;
    }

    /// <summary>Polls <paramref name="probe"/> until it returns something (15 s at most).</summary>
    public static async Task<T> WaitAsync<T>(Func<T?> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            if (probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the connector");
            await Task.Delay(25);
        }
    }
}
