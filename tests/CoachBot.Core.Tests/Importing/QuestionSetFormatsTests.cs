using CoachBot.Core.Importing;

namespace CoachBot.Core.Tests.Importing;

public sealed class QuestionSetFormatsTests
{
    [Theory]
    [InlineData("text/markdown", QuestionSetFormat.Markdown)]
    [InlineData("text/x-markdown", QuestionSetFormat.Markdown)]
    [InlineData("text/plain; charset=utf-8", QuestionSetFormat.Markdown)]
    [InlineData("application/json", QuestionSetFormat.Json)]
    [InlineData("Application/JSON; charset=UTF-8", QuestionSetFormat.Json)]
    [InlineData("application/vnd.coachbot.question-set+json", QuestionSetFormat.Json)]
    [InlineData("application/problem+json", QuestionSetFormat.Json)]
    [InlineData("application/yaml", QuestionSetFormat.Yaml)]
    [InlineData("application/x-yaml", QuestionSetFormat.Yaml)]
    [InlineData("text/yaml", QuestionSetFormat.Yaml)]
    [InlineData(" text/x-yaml ;charset=utf-8", QuestionSetFormat.Yaml)]
    [InlineData("text/csv; header=present", QuestionSetFormat.Csv)]
    public void TryFromContentType_KnownType_ReturnsItsFormat(string contentType, QuestionSetFormat expected)
    {
        Assert.True(QuestionSetFormats.TryFromContentType(contentType, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("application/octet-stream")]
    [InlineData("text/html")]
    [InlineData("+json")]
    [InlineData("application/jsonp")]
    public void TryFromContentType_UnknownOrMissing_ReturnsFalse(string? contentType)
    {
        Assert.False(QuestionSetFormats.TryFromContentType(contentType, out _));
    }

    [Theory]
    [InlineData("seed.md", QuestionSetFormat.Markdown)]
    [InlineData("notes.MARKDOWN", QuestionSetFormat.Markdown)]
    [InlineData("readme.txt", QuestionSetFormat.Markdown)]
    [InlineData("set.json", QuestionSetFormat.Json)]
    [InlineData("C:\\exports\\set.v2.JSON", QuestionSetFormat.Json)]
    [InlineData("set.yaml", QuestionSetFormat.Yaml)]
    [InlineData("/tmp/set.yml", QuestionSetFormat.Yaml)]
    [InlineData("questions.csv", QuestionSetFormat.Csv)]
    public void TryFromFileName_KnownExtension_ReturnsItsFormat(string name, QuestionSetFormat expected)
    {
        Assert.True(QuestionSetFormats.TryFromFileName(name, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("set")]
    [InlineData("set.xlsx")]
    [InlineData("json")]
    [InlineData("set.json.bak")]
    public void TryFromFileName_UnknownOrMissing_ReturnsFalse(string? name)
    {
        Assert.False(QuestionSetFormats.TryFromFileName(name, out _));
    }

    [Theory]
    [InlineData(QuestionSetFormat.Markdown)]
    [InlineData(QuestionSetFormat.Json)]
    [InlineData(QuestionSetFormat.Yaml)]
    [InlineData(QuestionSetFormat.Csv)]
    public void ContentTypeAndExtension_ReadBackAsTheSameFormat(QuestionSetFormat format)
    {
        Assert.True(QuestionSetFormats.TryFromContentType(QuestionSetFormats.ContentType(format), out var byType));
        Assert.True(QuestionSetFormats.TryFromFileName("set" + QuestionSetFormats.Extension(format), out var byName));
        Assert.Equal((format, format), (byType, byName));
    }

    [Fact]
    public void ContentTypeAndExtension_AreTheUsualOnes()
    {
        Assert.Equal("application/json; charset=utf-8", QuestionSetFormats.ContentType(QuestionSetFormat.Json));
        Assert.Equal(".yaml", QuestionSetFormats.Extension(QuestionSetFormat.Yaml));
    }

    [Fact]
    public void ContentTypeAndExtension_UnknownFormat_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => QuestionSetFormats.ContentType((QuestionSetFormat)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuestionSetFormats.Extension((QuestionSetFormat)9));
    }
}
