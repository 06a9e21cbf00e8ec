using System.Net;
using System.Text;
using CoachBot.Core.Importing;
using CoachBot.Core.Practice;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace CoachBot.Bot.Handlers;

/// <summary>
/// Describes a message's file attachments as <see cref="ChatAttachment"/>s whose content is downloaded only when a
/// command reads it (an admin's import, after the admin check). Teams files come through their
/// <c>downloadUrl</c>, other channels' through <c>contentUrl</c>. Only <c>https</c> and <c>data:</c> URLs are read,
/// and <c>http</c> on a loopback host (the Emulator, tests); at most <see cref="QuestionSetImporter.MaxBytes"/> + 1
/// bytes, so the importer can say a file is too large without the coach holding all of it.
/// </summary>
public sealed partial class AttachmentReader(IHttpClientFactory httpClients, ILogger<AttachmentReader> logger)
{
    /// <summary>The named <see cref="HttpClient"/> (short timeout, registered with the bot layer).</summary>
    public const string HttpClientName = "CoachBot.Attachments";

    /// <summary>The attachment type of a file shared in a Teams chat with the bot.</summary>
    public const string TeamsFileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>The most bytes read from one attachment.</summary>
    public const int MaxBytes = QuestionSetImporter.MaxBytes + 1;

    private const string CantRead = "I can't read that attachment";

    /// <summary>The files attached to <paramref name="activity"/>: not Teams' HTML copy of the text, not cards.</summary>
    public IReadOnlyList<ChatAttachment> Describe(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return [.. ((activity as IMessageActivity)?.Attachments ?? []).Where(IsFile).Select(Describe)];
    }

    private static bool IsFile(Attachment attachment) =>
        attachment.ContentType is not { } type
        || !(type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) || type.StartsWith("application/vnd.microsoft.card.", StringComparison.OrdinalIgnoreCase));

    private ChatAttachment Describe(Attachment attachment)
    {
        if (string.Equals(attachment.ContentType, TeamsFileDownloadInfo, StringComparison.OrdinalIgnoreCase))
        {
            var info = attachment.Content as JObject ?? (attachment.Content is null ? null : JObject.FromObject(attachment.Content));
            var url = (string?)info?["downloadUrl"];
            return new ChatAttachment(attachment.Name, null, ct => ReadUrlAsync(url, ct));
        }

        if (attachment.ContentUrl is { Length: > 0 } contentUrl)
        {
            return new ChatAttachment(attachment.Name, attachment.ContentType, ct => ReadUrlAsync(contentUrl, ct));
        }

        return attachment.Content is string inline
            ? new ChatAttachment(attachment.Name, attachment.ContentType, _ => Task.FromResult(AttachmentContent.Read(Limit(Encoding.UTF8.GetBytes(inline)))))
            : new ChatAttachment(attachment.Name, attachment.ContentType, _ => Task.FromResult(AttachmentContent.Unreadable($"{CantRead}: it has no content I can download.")));
    }

    private async Task<AttachmentContent> ReadUrlAsync(string? url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return AttachmentContent.Unreadable($"{CantRead}: it has no download address.");
        }

        if (uri.Scheme == "data")
        {
            return DataUrl.TryDecode(url!, MaxBytes) is { } bytes
                ? AttachmentContent.Read(bytes)
                : AttachmentContent.Unreadable($"{CantRead}: its data: address is malformed.");
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            LogRefused(logger, uri.Scheme);
            return AttachmentContent.Unreadable($"{CantRead}: I only download files over https.");
        }

        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogFailed(logger, uri.Host, (int)response.StatusCode);
                return AttachmentContent.Unreadable($"{CantRead}: the download was refused ({(int)response.StatusCode} {response.StatusCode}). Attach it again.");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            return AttachmentContent.Read(await ReadAtMostAsync(stream, cancellationToken));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogFailed(logger, uri.Host, 0);
            return AttachmentContent.Unreadable($"{CantRead}: the download failed or took too long. Attach it again.");
        }
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return buffer[..length];
    }

    private static byte[] Limit(byte[] bytes) => bytes.Length <= MaxBytes ? bytes : bytes[..MaxBytes];

    // Never the URL: a Teams download address carries its own access token.
    [LoggerMessage(EventId = 2110, Level = LogLevel.Warning, Message = "Did not download an attachment over {Scheme}: only https (and http on loopback) are allowed")]
    private static partial void LogRefused(ILogger logger, string scheme);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "Attachment download from {Host} failed (status {Status}; 0 = no response)")]
    private static partial void LogFailed(ILogger logger, string host, int status);
}
