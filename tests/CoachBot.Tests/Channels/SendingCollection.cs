namespace CoachBot.Tests.ChannelSending;

/// <summary>
/// The sending tests push a hundred sends through the host at once; run alone, they keep that load off the
/// timing-sensitive tests of other classes (the LLM tests' half-second reply deadline) and off their own clocks.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SendingCollection
{
    public const string Name = "channel sending (not parallel)";
}
