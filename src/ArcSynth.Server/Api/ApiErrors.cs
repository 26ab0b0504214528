using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace ArcSynth.Server.Api;

/// <summary>
/// Turns the exceptions a request can meet into problem details: a database that cannot be reached
/// is 503 (the next request tries again, so the service recovers when it returns); a request that
/// cannot be bound (e.g. a query parameter that is not a number) is 400 naming the parameter.
/// </summary>
internal sealed class ApiErrors(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            _ when DatabaseFailures.IsUnavailable(exception) => (StatusCodes.Status503ServiceUnavailable, "The database is unavailable"),
            BadHttpRequestException bad => (bad.StatusCode, "The request is not valid"),
            _ => (0, ""),
        };
        if (status == 0) return false;
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable) context.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = exception.Message },
        });
    }
}
