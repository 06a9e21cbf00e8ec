using System.Text.Json;
using System.Text.Json.Serialization;
using CoachBot.Core.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CoachBot.Admin.Api;

/// <summary>
/// The admin REST API under <c>/api/admin</c> (issue 5): API-key authentication, the "Admin" policy on the group,
/// ProblemDetails for every error, one static class per resource, and the OpenAPI document at <c>/openapi/v1.json</c>.
/// </summary>
public static class AdminApiExtensions
{
    /// <summary>The authorization policy on every admin route.</summary>
    public const string Policy = "Admin";

    /// <summary>Where the routes live.</summary>
    public const string BasePath = "/api/admin";

    /// <summary>Authentication ("ApiKey"), the "Admin" policy, ProblemDetails, JSON settings and the OpenAPI document.</summary>
    public static IServiceCollection AddCoachBotAdminApi(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminApiKeysValidator>();
        services.AddProblemDetails();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser());

        // Enums as the import files spell them: "example-story", "trade-off", "place", "teams-channel".
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith(BasePath[1..], StringComparison.Ordinal) == true;
            o.AddDocumentTransformer<AdminOpenApiTransformer>();
            o.AddOperationTransformer<AdminOpenApiTransformer>();
        });
        return services;
    }

    /// <summary>
    /// Maps <c>/api/admin</c>, <c>/openapi/v1.json</c> and the public copy of the question-set schema. Errors under <c>/api/admin</c> are ProblemDetails: unhandled
    /// exceptions become a bare 500 (never a stack trace, also in Development), and bodiless 4xx/5xx get one too.
    /// </summary>
    public static WebApplication MapCoachBotAdminApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(c => c.Request.Path.StartsWithSegments(BasePath), admin => admin.UseExceptionHandler().UseStatusCodePages());

        // Explicitly here (not where WebApplication would add them, before the branch above) so that a failure while
        // checking a key is a ProblemDetails too.
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        app.MapPublishedQuestionSetSchema();

        var group = app.MapGroup(BasePath).RequireAuthorization(Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapQuestionSetsApi()
            .MapQuestionsApi()
            .MapAssignmentsApi()
            .MapSchedulesApi()
            .MapAdminsApi()
            .MapApiKeysApi()
            .MapAuditApi()
            .MapAnalyticsApi();
        return app;
    }
}
