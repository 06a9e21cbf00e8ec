using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CoachBot.Admin.Api;

/// <summary>
/// A route's request body for the OpenAPI document only. Not <c>Accepts</c>: its content-type matching would answer
/// 415 before authentication (an anonymous caller would learn the route exists) and without saying what to send.
/// </summary>
/// <param name="Type">The body's type (its schema); <see cref="string"/> for raw documents.</param>
/// <param name="ContentTypes">The content types the route reads.</param>
internal sealed record RequestBodyDoc(Type Type, string[] ContentTypes);

/// <summary>Declares request bodies (see <see cref="RequestBodyDoc"/>) and error answers for the OpenAPI document.</summary>
internal static class RequestBodyDocs
{
    /// <summary>
    /// Documents the ProblemDetails answers the route can give besides 401/429 (which every admin route declares):
    /// 400 as a validation problem (its <c>errors</c> name fields or document lines), the others as problems.
    /// </summary>
    public static RouteHandlerBuilder WithProblems(this RouteHandlerBuilder route, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            route = status == StatusCodes.Status400BadRequest ? route.ProducesValidationProblem() : route.ProducesProblem(status);
        }

        return route;
    }

    /// <summary>Documents the route's request body as <typeparamref name="T"/> in <paramref name="contentTypes"/> (default JSON).</summary>
    public static RouteHandlerBuilder WithRequestBody<T>(this RouteHandlerBuilder route, params string[] contentTypes) =>
        route.WithMetadata(new RequestBodyDoc(typeof(T), contentTypes.Length == 0 ? ["application/json"] : contentTypes));
}

/// <summary>
/// Shapes the OpenAPI document: the title, the bearer (API key) security scheme required on every admin operation,
/// and the request bodies routes declare with <see cref="RequestBodyDocs.WithRequestBody{T}"/>.
/// </summary>
internal sealed class AdminOpenApiTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    private const string SchemeId = "Bearer";

    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "CoachBot admin API";
        document.Info.Description = "Question sets, questions, set activation, study channels, admins, API keys, audit and analytics. "
            + "Send an admin API key as Authorization: Bearer <key>. Errors are ProblemDetails.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An admin API key: configured in Admin:ApiKeys, or created with POST /api/admin/api-keys.",
        };
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAuthorizeData>().Any())
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [] });
        }

        if (metadata.OfType<RequestBodyDoc>().FirstOrDefault() is { } body)
        {
            var schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = body.ContentTypes.ToDictionary(t => t, _ => new OpenApiMediaType { Schema = schema }),
            };
        }
    }
}
