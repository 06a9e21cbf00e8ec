using System.Security.Claims;
using CoachBot.Bot.Adapter;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;

namespace CoachBot.Bot.Tests.Adapter;

public sealed class FastBotFrameworkAuthenticationTests
{
    [Fact]
    public async Task ConnectorClients_ShareOneContractResolver_InsteadOfANewOnePerTurn()
    {
        var sut = CreateSut();
        var factory = sut.CreateConnectorFactory(new ClaimsIdentity());

        var first = (ConnectorClient)await factory.CreateAsync("http://127.0.0.1:1/", "https://api.botframework.com", CancellationToken.None);
        var second = (ConnectorClient)await sut.CreateConnectorFactory(new ClaimsIdentity()).CreateAsync("http://127.0.0.1:1/", "https://api.botframework.com", CancellationToken.None);

        Assert.Same(first.SerializationSettings.ContractResolver, second.SerializationSettings.ContractResolver);
        Assert.Same(first.DeserializationSettings.ContractResolver, second.DeserializationSettings.ContractResolver);
        Assert.Same(FastBotFrameworkAuthentication.SerializationResolver, first.SerializationSettings.ContractResolver);
    }

    [Fact]
    public async Task AnonymousMode_AcceptsARequestWithoutAToken_LikeTheSdk()
    {
        var result = await CreateSut().AuthenticateRequestAsync(
            new Microsoft.Bot.Schema.Activity("message") { ChannelId = "emulator", ServiceUrl = "http://127.0.0.1:1/" }, string.Empty, CancellationToken.None);
        Assert.NotNull(result.ConnectorFactory);
    }

    [Theory]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b.c")]
    public async Task WithAnAppId_AMalformedToken_IsUnauthorizedNotAServerError(string header)
    {
        var sut = CreateSut(new() { ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001", ["MicrosoftAppPassword"] = "x" });
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => sut.AuthenticateRequestAsync(
            new Microsoft.Bot.Schema.Activity("message") { ChannelId = "msteams", ServiceUrl = "http://127.0.0.1:1/" }, header, CancellationToken.None));
    }

    private static FastBotFrameworkAuthentication CreateSut(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        return new FastBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication(configuration));
    }
}
