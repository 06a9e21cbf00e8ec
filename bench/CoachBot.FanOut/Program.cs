using CoachBot.FanOut;

// Fan-out load driver for study channels (not a test): the real host in-process against a loopback Bot Connector.
//   dotnet run -c Release --project bench/CoachBot.FanOut -- [--scenario a|b|all] [--places N]
// Exit code 0 when every post arrived exactly once, 1 when not, 2 for bad arguments.
var scenario = "all";
var places = 10_000;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--scenario" when i + 1 < args.Length && args[i + 1] is "a" or "b" or "all":
            scenario = args[++i];
            break;
        case "--places" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n > 0:
            places = n;
            i++;
            break;
        default:
            await Console.Error.WriteLineAsync("usage: CoachBot.FanOut [--scenario a|b|all] [--places N]   (default: all, 10000)");
            return 2;
    }
}

Console.WriteLine($"CoachBot fan-out: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
var ok = true;
if (scenario is "a" or "all")
{
    ok &= await ScenarioA.RunAsync(places);
}

if (scenario is "b" or "all")
{
    ok &= await ScenarioB.RunAsync(places);
}

return ok ? 0 : 1;
