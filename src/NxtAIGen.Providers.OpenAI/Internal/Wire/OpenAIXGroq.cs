namespace NxtAIGen.Providers.OpenAI.Internal.Wire;

/// <summary>Groq's <c>x_groq</c> object.</summary>
internal sealed class OpenAIXGroq
{
    public OpenAIUsage? Usage { get; set; }
}
