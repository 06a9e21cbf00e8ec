namespace CoachBot.Core.Importing;

/// <summary>What a heading or bold label introduces.</summary>
internal enum StudyDocumentSectionKind
{
    /// <summary>Before the first heading.</summary>
    None,

    /// <summary>The first level-1 heading (the set's title).</summary>
    Title,

    /// <summary>"Overview"/"Introduction": its first paragraph is the description.</summary>
    Overview,

    /// <summary>"Key Mental Models": <c>**Name**: description</c> items.</summary>
    Models,

    /// <summary>"Common Questions": one question per item.</summary>
    Questions,

    /// <summary>"Amazon-Quality Responses"/"Strong answers": evidence hints.</summary>
    Evidence,

    /// <summary>"Quick Practice": <c>**Scenario**: "…"</c> lines with generic/strong answers.</summary>
    Practice,

    /// <summary>"Success Criteria": checklist items.</summary>
    Criteria,

    /// <summary>Known sections that carry nothing to import (e.g. "Contents").</summary>
    Informational,

    /// <summary>Anything else: its own content is ignored with a warning.</summary>
    Unknown,
}

/// <summary>Classifies heading and label keys (see <see cref="StudyDocumentWords.Key"/>) into section kinds.</summary>
internal static class StudyDocumentSections
{
    /// <summary>Classifies a normalised heading/label key.</summary>
    public static StudyDocumentSectionKind Classify(string key)
    {
        if (StudyDocumentWords.HasAnyPhrase(key, "mental model", "mental models")
            || key is "models" or "key models" or "core models")
        {
            return StudyDocumentSectionKind.Models;
        }

        if (StudyDocumentWords.HasAnyPhrase(key, "criteria", "checklist", "self assessment", "self check"))
        {
            return StudyDocumentSectionKind.Criteria;
        }

        if (StudyDocumentWords.HasAnyPhrase(
                key, "quality responses", "strong responses", "good responses", "great responses", "model responses",
                "quality answers", "strong answers", "good answers", "great answers", "model answers", "evidence",
                "what good looks like"))
        {
            return StudyDocumentSectionKind.Evidence;
        }

        if (StudyDocumentWords.HasAnyPhrase(key, "question", "questions"))
        {
            return StudyDocumentSectionKind.Questions;
        }

        if (IsScenario(key) || StudyDocumentWords.HasAnyPhrase(key, "practice", "exercise", "exercises", "drill", "drills"))
        {
            return StudyDocumentSectionKind.Practice;
        }

        if (StudyDocumentWords.HasAnyPhrase(key, "overview", "introduction", "intro"))
        {
            return StudyDocumentSectionKind.Overview;
        }

        if (StudyDocumentWords.HasAnyPhrase(
                key, "contents", "toc", "references", "resources", "further reading", "see also", "links", "notes",
                "related", "next steps", "changelog"))
        {
            return StudyDocumentSectionKind.Informational;
        }

        return StudyDocumentSectionKind.Unknown;
    }

    /// <summary>True for "Scenario", "Scenario 2", "Practice scenario"….</summary>
    public static bool IsScenario(string key) => StudyDocumentWords.HasAnyPhrase(key, "scenario", "scenarios");
}
