using CoachBot.Core.Grading;

namespace CoachBot.Core.Tests.Grading;

// TEMPORARY diagnostic: writes the calibration table to /tmp. Deleted before hand-off.
public class CalibrationDump
{
    [Fact]
    public void Dump()
    {
        var set = AmazonSet.Build();
        var grader = new RubricGrader();
        var lines = new List<string>();
        var scores = new List<double>();
        var detail = new List<string>();
        foreach (var a in CalibrationSet.All.OrderBy(a => a.Tier))
        {
            var g = grader.Grade(new GradingRequest(set, set.Question(a.QuestionId), a.Text));
            scores.Add(g.Overall);
            lines.Add($"{a.Tier} {g.Overall,3} {string.Join(" ", g.Models.Select(m => $"{m.Score,3}"))} {a.Id,-24} [{string.Join(",", g.Flags)}]");
            detail.Add($"== {a.Id} overall {g.Overall} [{string.Join(",", g.Flags)}]\nTIP: {g.Tip}");
            foreach (var m in g.Models) detail.Add($"  {m.Slug} {m.Score} {m.Level} | {m.Evidence} | {m.Missing}");
        }
        var rho = RankCorrelation.Spearman(scores, CalibrationSet.All.OrderBy(a => a.Tier).Select(a => (double)a.Tier).ToList());
        lines.Insert(0, $"rho={rho:F4}");
        File.WriteAllLines("/tmp/calib.txt", lines);
        File.WriteAllLines("/tmp/detail.txt", detail);
    }
}
