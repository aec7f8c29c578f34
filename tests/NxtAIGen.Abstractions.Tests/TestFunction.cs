using System.Text.Json;
using Microsoft.Extensions.AI;

namespace NxtAIGen.Tests;

/// <summary>An AIFunction with a fixed schema and body (no reflection), counting its calls.</summary>
internal sealed class TestFunction(string name, Func<AIFunctionArguments, string> body) : AIFunction
{
    private static readonly JsonElement Schema = JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}}}""").RootElement.Clone();

    public int Calls { get; private set; }

    public override string Name => name;

    public override string Description => "A test function.";

    public override JsonElement JsonSchema => Schema;

    protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        Calls++;
        return ValueTask.FromResult<object?>(body(arguments));
    }
}
