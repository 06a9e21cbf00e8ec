using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CoachBot.Core.Importing;

/// <summary>
/// Prints a <see cref="DocumentNode"/> tree as indented JSON. Accented letters, other scripts and symbols stay
/// readable; System.Text.Json still writes characters beyond U+FFFF (most emoji) as <c>\u</c> escape pairs.
/// </summary>
internal static class JsonTreeWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file for people, never embedded in HTML
    };

    public static string Write(DocumentNode root)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(writer, root);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Write(Utf8JsonWriter writer, DocumentNode node)
    {
        switch (node)
        {
            case DocumentObject obj:
                writer.WriteStartObject();
                foreach (var property in obj.Properties)
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case DocumentArray array:
                writer.WriteStartArray();
                foreach (var item in array.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case DocumentScalar { Kind: ScalarKind.String } s:
                writer.WriteStringValue(s.Text);
                break;
            case DocumentScalar { Kind: ScalarKind.Null }:
                writer.WriteNullValue();
                break;
            case DocumentScalar s:
                writer.WriteRawValue(s.Text); // numbers and booleans are already JSON literals
                break;
        }
    }
}
