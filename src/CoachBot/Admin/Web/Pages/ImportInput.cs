using System.ComponentModel.DataAnnotations;

namespace CoachBot.Admin.Web.Pages;

/// <summary>The import form: a file or pasted text, its format, and optionally the set it is for.</summary>
public sealed class ImportInput
{
    /// <summary>The format option that reads the format from the file name (pasted text: Markdown).</summary>
    public const string AutoFormat = "auto";

    /// <summary>An uploaded document.</summary>
    [Display(Name = "Document file")]
    public IFormFile? File { get; set; }

    /// <summary>A pasted document (used when no file is chosen).</summary>
    [Display(Name = "Or paste the document")]
    public string? Text { get; set; }

    /// <summary><see cref="AutoFormat"/> or a format name (markdown, json, yaml, csv).</summary>
    [Display(Name = "Format")]
    public string? Format { get; set; } = AutoFormat;

    /// <summary>The set to create or update; empty: the document's own id (or one made from its title).</summary>
    [StringLength(64)]
    [Display(Name = "Set id (optional)")]
    public string? SetId { get; set; }
}

/// <summary>What the confirm form carries back from the preview: the exact bytes, their format, source and target set.</summary>
public sealed class ImportConfirmation
{
    /// <summary>The document, Base64.</summary>
    public string? Content { get; set; }

    /// <summary>The format name the preview used.</summary>
    public string? Format { get; set; }

    /// <summary>The file name, or "pasted text".</summary>
    public string? Source { get; set; }

    /// <summary>The target set id, when given.</summary>
    public string? SetId { get; set; }
}
