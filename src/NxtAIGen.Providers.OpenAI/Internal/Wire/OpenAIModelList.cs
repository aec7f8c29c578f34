namespace NxtAIGen.Providers.OpenAI.Internal.Wire;

/// <summary>The <c>GET /models</c> answer: <c>{"object":"list","data":[...]}</c>.</summary>
internal sealed class OpenAIModelList
{
    public List<OpenAIModel>? Data { get; set; }
}
