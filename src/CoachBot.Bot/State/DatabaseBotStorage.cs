using CoachBot.Core.State;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CoachBot.Bot.State;

/// <summary>
/// Bot Framework <see cref="IStorage"/> on the application database, with optimistic concurrency:
/// documents come back with an <c>eTag</c> property, and a write that carries an eTag (an
/// <see cref="IStoreItem"/>, or the <c>eTag</c> key BotState keeps in its dictionary) only succeeds if
/// nobody wrote in between, otherwise <see cref="StateConflictException"/> is thrown. <c>"*"</c> writes
/// unconditionally.
/// <para>
/// BotState's dictionary without an eTag is state that was missing when the turn read it: it is written
/// only if it is still missing, so two instances starting one conversation at once cannot overwrite each
/// other (the stock storages would: no eTag means last writer wins there). Other values without an eTag
/// write unconditionally, as in the stock storages. After a write, the new eTag goes back into the value,
/// so a second save in the same turn is conditional on the first.
/// </para>
/// </summary>
public sealed class DatabaseBotStorage(IStateDocumentStore store) : IStorage
{
    private const string ETagProperty = "eTag";

    // One static serializer, so its contract cache lives for the process. No type names in stored JSON:
    // state is plain data, and type names in data invite deserialization attacks.
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        NullValueHandling = NullValueHandling.Ignore,
    });

    /// <inheritdoc />
    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var documents = await store.ReadAsync(keys, cancellationToken);
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, document) in documents)
        {
            var json = JObject.Parse(document.Json);
            json[ETagProperty] = document.ETag;
            result[key] = json;
        }

        return result;
    }

    /// <inheritdoc />
    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var (key, value) in changes)
        {
            var json = value is null ? new JObject() : JObject.FromObject(value, Serializer);
            var expected = value switch
            {
                IStoreItem item => item.ETag,
                IDictionary<string, object> => json.Value<string>(ETagProperty) ?? StateDocument.Absent,
                _ => json.Value<string>(ETagProperty),
            };
            json.Remove(ETagProperty);
            json.Remove("ETag");
            var newETag = await store.WriteAsync(key, json.ToString(Formatting.None), expected, cancellationToken);
            switch (value)
            {
                case IStoreItem written:
                    written.ETag = newETag;
                    break;
                case IDictionary<string, object> botState:
                    botState[ETagProperty] = newETag;
                    break;
            }
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        await store.DeleteAsync(keys, cancellationToken);
    }
}
