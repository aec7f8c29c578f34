namespace NxtAIGen.AspNetCore.Gateway;

/// <summary><c>stream_options</c>: whether a usage-only chunk ends the stream.</summary>
internal sealed class OpenAIStreamOptions
{
    public bool? IncludeUsage { get; set; }
}
