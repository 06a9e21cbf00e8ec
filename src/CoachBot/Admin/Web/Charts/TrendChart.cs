using System.Globalization;
using System.Text;
using CoachBot.Core.Admin;

namespace CoachBot.Admin.Web.Charts;

/// <summary>One plotted value of a series.</summary>
/// <param name="X">Horizontal position in the chart's coordinates.</param>
/// <param name="Y">Vertical position in the chart's coordinates.</param>
/// <param name="Day">The UTC day.</param>
/// <param name="Value">The class average that day (0–100).</param>
public sealed record ChartPoint(double X, double Y, DateOnly Day, double Value);

/// <summary>One mental model's line: its points and the SVG path through them (broken on days without answers).</summary>
/// <param name="Index">The series' position, which picks its colour and dash pattern.</param>
/// <param name="Slug">The model's slug.</param>
/// <param name="Name">The model's name.</param>
/// <param name="Overall">The model's average over the whole window, when any answers.</param>
/// <param name="Points">The days with answers.</param>
/// <param name="PathData">The <c>d</c> attribute of the line (empty when there are no points).</param>
public sealed record ChartSeries(int Index, string Slug, string Name, double? Overall, IReadOnlyList<ChartPoint> Points, string PathData);

/// <summary>A labelled position on an axis.</summary>
public sealed record ChartTick(double Position, string Label);

/// <summary>
/// The geometry of the dashboard's line chart (per-model class averages over days, 0–100), computed here so the
/// Razor partial only writes elements. Everything is in the chart's own coordinates (<see cref="Width"/> ×
/// <see cref="Height"/>; the SVG scales with its <c>viewBox</c>).
/// </summary>
public sealed record TrendChart(
    string Title,
    string Description,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<ChartTick> XTicks,
    IReadOnlyList<ChartTick> YTicks)
{
    /// <summary>The chart's width.</summary>
    public const int Width = 720;

    /// <summary>The chart's height.</summary>
    public const int Height = 320;

    /// <summary>Left edge of the plot area (room for the score labels).</summary>
    public const int Left = 44;

    /// <summary>Right edge of the plot area.</summary>
    public const int Right = Width - 28;

    /// <summary>Top edge of the plot area.</summary>
    public const int Top = 16;

    /// <summary>Bottom edge of the plot area (room for the day labels).</summary>
    public const int Bottom = Height - 40;

    /// <summary>How many series styles (colour and dash) there are before they repeat.</summary>
    public const int Styles = 8;

    private const int MaxDayLabels = 7;

    /// <summary>Lays out <paramref name="trend"/>.</summary>
    public static TrendChart Build(ModelTrend trend)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var days = trend.Days;
        var series = trend.Series.Select((s, i) => BuildSeries(i, s, days)).ToList();
        var first = days.Count > 0 ? Day(days[0]) : string.Empty;
        var last = days.Count > 0 ? Day(days[^1]) : string.Empty;
        var title = $"Class average per mental model, {trend.SetTitle}";
        var description = string.Create(CultureInfo.InvariantCulture,
            $"Line chart of the daily class average score (0 to 100) of each of {series.Count} mental models, {first} to {last}, from {trend.Answers} graded answers. ")
            + string.Join("; ", series.Select(s => s.Overall is { } o ? $"{s.Name}: {Score(o)} overall" : $"{s.Name}: no answers")) + ".";
        return new TrendChart(title, description, series, BuildXTicks(days), BuildYTicks());
    }

    /// <summary>A score as shown in the chart and its table (at most one decimal).</summary>
    public static string Score(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A day as labelled on the axis.</summary>
    public static string Day(DateOnly day) => day.ToString("MMM d", CultureInfo.InvariantCulture);

    /// <summary>A coordinate as written in SVG.</summary>
    public static string Coordinate(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static ChartSeries BuildSeries(int index, ModelSeries model, IReadOnlyList<DateOnly> days)
    {
        var points = new List<ChartPoint>();
        var path = new StringBuilder();
        var penDown = false;
        for (var i = 0; i < model.Averages.Count && i < days.Count; i++)
        {
            if (model.Averages[i] is not { } value)
            {
                penDown = false;
                continue;
            }

            var point = new ChartPoint(X(i, days.Count), Y(value), days[i], value);
            points.Add(point);
            path.Append(penDown ? " L" : (path.Length > 0 ? " M" : "M")).Append(Coordinate(point.X)).Append(' ').Append(Coordinate(point.Y));
            penDown = true;
        }

        return new ChartSeries(index, model.Slug, model.Name, model.Overall, points, path.ToString());
    }

    private static double X(int dayIndex, int dayCount) =>
        dayCount <= 1 ? (Left + Right) / 2.0 : Left + ((Right - Left) * dayIndex / (double)(dayCount - 1));

    private static double Y(double score) => Bottom - ((Bottom - Top) * Math.Clamp(score, 0, 100) / 100.0);

    private static List<ChartTick> BuildYTicks() => [.. new[] { 0, 25, 50, 75, 100 }.Select(v => new ChartTick(Y(v), v.ToString(CultureInfo.InvariantCulture)))];

    private static List<ChartTick> BuildXTicks(IReadOnlyList<DateOnly> days)
    {
        if (days.Count == 0)
        {
            return [];
        }

        var step = Math.Max(1, (int)Math.Ceiling((days.Count - 1) / (double)(MaxDayLabels - 1)));
        var indexes = Enumerable.Range(0, days.Count).Where(i => i % step == 0).ToList();
        if (indexes[^1] != days.Count - 1 && days.Count - 1 - indexes[^1] < step / 2.0)
        {
            indexes[^1] = days.Count - 1; // keep the last day labelled without crowding its neighbour
        }
        else if (indexes[^1] != days.Count - 1)
        {
            indexes.Add(days.Count - 1);
        }

        return [.. indexes.Select(i => new ChartTick(X(i, days.Count), Day(days[i])))];
    }
}
