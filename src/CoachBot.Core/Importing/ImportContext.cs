using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Importing;

/// <summary>What an import needs besides the document itself.</summary>
/// <param name="Source">Where the document came from (a file name, or "api"); stored as <see cref="QuestionSet.Source"/>
/// unless a JSON or YAML document names its own source.</param>
/// <param name="SetId">
/// The id to give the set. Markdown: replaces the slug of the title. JSON and YAML: replaces the document's
/// <c>id</c> (and lets a document without one import). CSV: replaces the id of <paramref name="ExistingSet"/>.
/// </param>
/// <param name="ExistingSet">
/// The set a CSV file's questions go into. A CSV holds questions only, so a CSV import yields a copy of this set
/// (same id, title, models and criteria) whose questions are the CSV rows. Ignored by the other formats.
/// </param>
public sealed record ImportContext(string Source, string? SetId = null, QuestionSet? ExistingSet = null);
