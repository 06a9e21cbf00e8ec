using System.ComponentModel.DataAnnotations;

namespace CoachBot.Core.Practice;

/// <summary>Settings of the 1:1 practice flow (configuration section <c>Practice</c>).</summary>
public sealed class PracticeOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Practice";

    /// <summary>The id of the question set learners practise by default. Default: <c>amazon-customer-trust</c>.</summary>
    [Required]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,63}$", ErrorMessage = "Practice:DefaultSetId must be a lowercase slug (a-z, 0-9, '-').")]
    public string DefaultSetId { get; set; } = "amazon-customer-trust";

    /// <summary>The longest answer accepted, in characters. Default: 5,000.</summary>
    [Range(200, 50_000)]
    public int MaxAnswerLength { get; set; } = 5_000;
}
