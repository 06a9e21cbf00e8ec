using CoachBot.Core.Admin;
using CoachBot.Core.Importing;
using Microsoft.AspNetCore.Mvc;

namespace CoachBot.Admin.Web.Pages;

/// <summary>
/// <c>/admin/import</c>: a document (upload or pasted) is first imported as a dry run: the page shows what would be
/// stored (counts, questions, changes, every problem with its line). Confirming posts the same bytes back (a hidden
/// field) and imports them for real.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[RequestSizeLimit(MaxRequestBytes)]
public sealed class ImportModel(AdminService admin) : AdminPageModel
{
    /// <summary>The largest document accepted.</summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    private const int MaxRequestBytes = 4 * MaxDocumentBytes; // the Base64 copy in the confirm form, plus the rest

    /// <summary>The form.</summary>
    [BindProperty]
    public ImportInput Input { get; set; } = new();

    /// <summary>The preview's hidden fields, posted back on confirm.</summary>
    [BindProperty]
    public ImportConfirmation Confirm { get; set; } = new();

    /// <summary>The dry run's (or the failed import's) outcome.</summary>
    public AdminResult<ImportPreview>? Outcome { get; private set; }

    /// <summary>The formats offered.</summary>
    public static IReadOnlyList<QuestionSetFormat> Formats { get; } = Enum.GetValues<QuestionSetFormat>();

    /// <summary>Shows the empty form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Imports as a dry run and shows the preview.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        var document = await ReadDocumentAsync(cancellationToken);
        if (document is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        var (bytes, source, format) = document.Value;
        Outcome = await admin.Sets.ImportAsync(Actor, bytes, format, source, Input.SetId, dryRun: true, cancellationToken);
        if (!Outcome.Succeeded)
        {
            ShowFailure(Outcome);
            return Page();
        }

        Confirm = new ImportConfirmation { Content = Convert.ToBase64String(bytes), Format = format.ToString(), Source = source, SetId = Input.SetId?.Trim() };
        return Page();
    }

    /// <summary>Imports the previewed document for real.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        var bytes = Decode(Confirm.Content);
        if (bytes is null || !Enum.TryParse<QuestionSetFormat>(Confirm.Format, ignoreCase: true, out var format))
        {
            Error = "The preview did not come back intact. Choose the document again.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await admin.Sets.ImportAsync(Actor, bytes, format, Confirm.Source ?? "web", Confirm.SetId, dryRun: false, cancellationToken);
        if (result.Succeeded)
        {
            Flash(result.Message);
            return RedirectToPage("/Sets/Set", new { id = result.Value!.Set.Id });
        }

        Outcome = result;
        ShowFailure(result);
        return Page();
    }

    private async Task<(byte[] Bytes, string Source, QuestionSetFormat Format)?> ReadDocumentAsync(CancellationToken cancellationToken)
    {
        if (Input.File is { Length: > 0 } file)
        {
            if (file.Length > MaxDocumentBytes)
            {
                Error = "That file is larger than 1 MB. Split it, or import the questions as CSV.";
                return null;
            }

            var name = Path.GetFileName(file.FileName);
            var format = ChooseFormat(name);
            if (format is null)
            {
                Error = $"Choose the format: \"{name}\" does not say it (use .md, .json, .yaml, .yml or .csv).";
                return null;
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            return (buffer.ToArray(), name.Length > 0 ? name : "upload", format.Value);
        }

        if (!string.IsNullOrWhiteSpace(Input.Text))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(Input.Text);
            if (bytes.Length > MaxDocumentBytes)
            {
                Error = "That text is larger than 1 MB.";
                return null;
            }

            return (bytes, "pasted text", ChooseFormat(null) ?? QuestionSetFormat.Markdown);
        }

        Error = "Choose a file or paste a document.";
        return null;
    }

    private QuestionSetFormat? ChooseFormat(string? fileName)
    {
        if (Enum.TryParse<QuestionSetFormat>(Input.Format, ignoreCase: true, out var chosen) && Enum.IsDefined(chosen))
        {
            return chosen;
        }

        return fileName is null ? QuestionSetFormat.Markdown
            : QuestionSetFormats.TryFromFileName(fileName, out var format) ? format
            : null;
    }

    private static byte[]? Decode(string? base64)
    {
        if (string.IsNullOrEmpty(base64) || base64.Length > MaxDocumentBytes / 3 * 4 + 4)
        {
            return null;
        }

        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written) ? bytes[..written] : null;
    }
}
