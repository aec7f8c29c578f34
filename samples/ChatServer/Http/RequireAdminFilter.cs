using ChatServer.Accounts;

namespace ChatServer.Http;

/// <summary>Refuses anonymous callers with 401 and signed-in non-admins with 403 <c>forbidden</c>.</summary>
internal sealed class RequireAdminFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var user = context.HttpContext.User;
        if (Problems.UserId(user) is null)
        {
            return ValueTask.FromResult<object?>(Problems.Unauthorized());
        }

        return user.IsInRole(AdminRule.Role) ? next(context) : ValueTask.FromResult<object?>(Problems.Forbidden());
    }
}
