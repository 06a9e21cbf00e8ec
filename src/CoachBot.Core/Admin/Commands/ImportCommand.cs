using System.Text;
using CoachBot.Core.Importing;
using CoachBot.Core.Messages;
using CoachBot.Core.Practice;

namespace CoachBot.Core.Admin.Commands;

/// <summary>
/// <c>admin import [set &lt;id&gt;] [dry run]</c> with one attached file (Markdown, JSON, YAML or CSV, the format
/// from its name or content type) or Markdown pasted on the lines after the command. The file is read only here,
/// after the router's admin check: nothing is downloaded for anyone else.
/// </summary>
public sealed class AdminImportCommand(QuestionSetAdmin sets) : AdminChatCommand
{
    /// <summary>The source recorded for pasted Markdown.</summary>
    public const string PastedSource = "chat";

    public override string Name => "admin import";

    public override string Usage => "admin import [set <id>] [dry run]";

    public override string Summary => "import a set from an attached .md, .json, .yaml or .csv file, or Markdown pasted on the next lines (dry run: preview only)";

    public override string AdminAction => "import question sets";

    public override async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var request = ImportRequest.Parse(arguments);
        if (request.Error is { } error)
        {
            return UsageReply(error);
        }

        var document = turn.Attachments switch
        {
            [] when request.Pasted.Length == 0 => Document.Fail("Attach the file to this message, or paste Markdown on the lines after admin import."),
            [] => new Document(Encoding.UTF8.GetBytes(request.Pasted), QuestionSetFormat.Markdown, PastedSource, null),
            [_] when request.Pasted.Length > 0 => Document.Fail("Attach a file or paste Markdown, not both."),
            [var file] => await ReadAsync(file, cancellationToken),
            _ => Document.Fail("Attach one file at a time."),
        };
        if (document.Problem is { } problem)
        {
            return [CoachMessage.FromText(problem)];
        }

        var result = await sets.ImportAsync(Actor(turn), document.Content, document.Format, document.Source, request.SetId, request.DryRun, cancellationToken);
        return [ImportMessages.Result(result)];
    }

    private static async Task<Document> ReadAsync(ChatAttachment file, CancellationToken cancellationToken)
    {
        var name = file.Name ?? "the attachment";
        if (!QuestionSetFormats.TryFromFileName(file.Name, out var format) && !QuestionSetFormats.TryFromContentType(file.ContentType, out format))
        {
            return Document.Fail($"I can't tell the format of {Channels.Scheduling.ScheduleSpec.Clip(name)}: attach a .md, .json, .yaml or .csv file.");
        }

        var read = await file.ReadAsync(cancellationToken);
        return read.Problem is { } problem ? Document.Fail(problem) : new Document(read.Bytes, format, name, null);
    }

    private sealed record Document(ReadOnlyMemory<byte> Content, QuestionSetFormat Format, string Source, string? Problem)
    {
        public static Document Fail(string problem) => new(ReadOnlyMemory<byte>.Empty, QuestionSetFormat.Markdown, string.Empty, problem);
    }
}
