using ArcSynth.Primitives.Compiling;
using ArcSynth.Primitives.Library;
using ArcSynth.Server.Primitives;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace ArcSynth.Server.Api;

/// <summary>/api/primitives: the registry runs use, and researchers' submissions to it.</summary>
internal static class PrimitiveEndpoints
{
    /// <summary>A submission: the C# source and the file name its errors are reported under.</summary>
    public sealed record PrimitiveSubmission(string? FileName, string? Source);

    public sealed record PrimitiveView(string Name, string Signature, string Description, PrimitiveOrigin Origin);

    public sealed record RegistryView(string Version, IReadOnlyList<PrimitiveView> Primitives);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/primitives", ListAsync).WithTags("primitives").WithSummary("Every primitive runs started now would use, and the registry version.");
        api.MapPost("/primitives", SubmitAsync).WithTags("primitives")
            .WithSummary("Submits a primitive (C# source, see dsl/contrib/README.md): 201 when accepted, 400 with the reasons (file:line:column) when not, " +
                         "409 when another node accepted a primitive of that name at the same moment.");
    }

    private static async Task<RegistryView> ListAsync(PrimitiveCatalog catalog, CancellationToken ct)
    {
        await catalog.RefreshAsync(ct);
        return View(catalog.Current);
    }

    private static RegistryView View(PrimitiveLibrary.Loaded loaded) =>
        new(loaded.Version, loaded.Registry.All.Select(p => new PrimitiveView(p.Name, p.Signature.ToString(), p.Doc, loaded.OriginOf(p.Name))).ToList());

    private static async Task<Results<Created<RegistryView>, ValidationProblem, ProblemHttpResult>> SubmitAsync(PrimitiveSubmission submission, PrimitiveCatalog catalog, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(submission.Source))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["source"] = ["the C# source of the primitive is required"] });
        var fileName = string.IsNullOrWhiteSpace(submission.FileName) ? "submitted.cs" : submission.FileName;
        if (!fileName.EndsWith(".cs", StringComparison.Ordinal) || Path.GetFileName(fileName) != fileName)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["fileName"] = [$"'{fileName}' must be a plain file name ending in .cs"] });
        SubmissionResult result;
        try
        {
            result = await catalog.SubmitAsync(fileName, submission.Source, ct);
        }
        catch (PrimitiveConflictException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "The primitive was refused");
        }
        if (!result.Accepted)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["source"] = result.Errors.Select(e => e.ToString()).ToArray() },
                title: "The primitive was refused");
        var view = View(catalog.Current);
        return TypedResults.Created($"/api/primitives", view with { Primitives = view.Primitives.Where(p => result.Primitives.Any(r => r.Name == p.Name)).ToList() });
    }
}
