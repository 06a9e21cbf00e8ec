using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CoachBot.Core.Grading.Batch;

/// <summary>
/// Writes the output objects of the <c>grade</c> command, one compact line each, properties always in
/// the same order: <c>id, score, models, flags, grader, feedback</c> for a grade, <c>id, error</c> for
/// a line that could not be graded.
/// </summary>
internal static class BatchJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // The output is JSON Lines for terminals and tools, never embedded in HTML: “quotes”, “é” and “…”
        // stay readable instead of becoming \u escapes. Control characters are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string Grade(string idJson, GradeResult grade, string grader, IReadOnlyList<string> flags, string feedback) => Write(json =>
    {
        json.WritePropertyName("id");
        json.WriteRawValue(idJson);
        json.WriteNumber("score", grade.Overall);
        json.WriteStartObject("models");
        foreach (var model in grade.Models)
        {
            json.WriteNumber(model.Slug, model.Score);
        }

        json.WriteEndObject();
        json.WriteStartArray("flags");
        foreach (var flag in flags)
        {
            json.WriteStringValue(flag);
        }

        json.WriteEndArray();
        json.WriteString("grader", grader);
        json.WriteString("feedback", feedback);
    });

    public static string Error(string idJson, string error) => Write(json =>
    {
        json.WritePropertyName("id");
        json.WriteRawValue(idJson);
        json.WriteString("error", error);
    });

    private static string Write(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            writeProperties(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
