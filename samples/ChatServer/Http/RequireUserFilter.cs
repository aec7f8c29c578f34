namespace ChatServer.Http;

/// <summary>Refuses a request without a signed-in user with 401 <c>unauthorized</c> (problem+json, no redirect).</summary>
internal sealed class RequireUserFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        Problems.UserId(context.HttpContext.User) is null ? ValueTask.FromResult<object?>(Problems.Unauthorized()) : next(context);
}
