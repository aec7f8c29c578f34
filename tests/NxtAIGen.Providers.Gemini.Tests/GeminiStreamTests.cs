using System.Text;
using NxtAIGen.Abstractions;
using NxtAIGen.Testing;

namespace NxtAIGen.Providers.Gemini.Tests;

/// <summary>Gemini's stream quirks, beyond what the conformance suite compares.</summary>
public sealed class GeminiStreamTests
{
    [Fact]
    public async Task FunctionCallGemini3_HasGeneratedIdSignatureAndToolCallsFinish()
    {
        var result = await RunFixtureAsync("gemini/function-call-gemini3");

        var call = Assert.Single(result.ToolCalls);
        Assert.Equal("call_1", call.Id);
        Assert.Equal("weather", call.Name);
        Assert.StartsWith("EqUCCqICAb4+9vsh8Pd5", call.Signature, StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.ToolCalls, result.UnifiedFinishReason);
        Assert.Equal("STOP", result.FinishReason);
        Assert.Equal(45, result.Usage?.ReasoningTokens);
    }

    [Fact]
    public async Task TrailingSignature_OnEmptyTextPart_IsAReasoningSignatureChunk()
    {
        var result = await RunFixtureAsync("gemini/text-gemini3-trailing-signature");

        var signature = Assert.Single(result.Chunks, c => c.Kind == ChatChunkKind.ReasoningSignature);
        Assert.StartsWith("EqsFCqgFAb4+9vvtAF5n", signature.Text, StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.Stop, result.UnifiedFinishReason);
        var metadata = result.Metadata[0];
        Assert.Equal("bH6LaZW8Fp_3nsEPqtaSwQ4", metadata.ResponseId);
        Assert.Equal("gemini-3-pro-preview", metadata.Model);
        Assert.Equal(ChatChunkKind.Metadata, result.Chunks[0].Kind);
    }

    [Fact]
    public async Task VertexPartialArgs_AreAssembledPerCall_WithTheSignatureOnTheFirst()
    {
        var result = await RunFixtureAsync("gemini/vertex-streamed-function-args");

        Assert.Equal(["call_1", "call_2", "call_3", "call_4"], result.ToolCalls.Select(c => c.Id));
        Assert.Equal(["{}", "{\"id\":\"A\"}", "{\"id\":\"B\"}", "{\"id\":\"C\"}"], result.ToolCalls.Select(c => c.Arguments));
        Assert.NotNull(result.ToolCalls[0].Signature);
        Assert.All(result.ToolCalls.Skip(1), c => Assert.Null(c.Signature));
        Assert.Equal(ChatFinishReason.ToolCalls, result.UnifiedFinishReason);
        Assert.Equal(new ChatUsage { InputTokens = 249, OutputTokens = 58, ReasoningTokens = 183 }, result.Usage);
    }

    [Fact]
    public async Task PartialArgs_NestedPathsNumbersAndBooleans_BuildOneObject()
    {
        var body = SseBodies.Events(
            """{"candidates":[{"content":{"parts":[{"functionCall":{"name":"book","willContinue":true}}]}}]}""",
            """{"candidates":[{"content":{"parts":[{"functionCall":{"partialArgs":[{"jsonPath":"$.trip.city","stringValue":"Pa","willContinue":true}],"willContinue":true}}]}}]}""",
            """{"candidates":[{"content":{"parts":[{"functionCall":{"partialArgs":[{"jsonPath":"$.trip.city","stringValue":"ris"},{"jsonPath":"$.nights","numberValue":3},{"jsonPath":"$.tags[1]","stringValue":"x"},{"jsonPath":"$.pets","boolValue":false},{"jsonPath":"$.note","nullValue":"NULL_VALUE"}],"willContinue":true}}]}}]}""",
            """{"candidates":[{"content":{"parts":[{"functionCall":{}}]},"finishReason":"STOP"}]}""");

        var result = await RunAsync(body);

        var call = Assert.Single(result.ToolCalls);
        Assert.Equal("""{"trip":{"city":"Paris"},"nights":3,"tags":[null,"x"],"pets":false,"note":null}""", call.Arguments);
    }

    [Fact]
    public async Task PromptBlocked_FinishesWithContentFilterAndTheBlockReason()
    {
        var result = await RunFixtureAsync("gemini/prompt-blocked");

        Assert.Null(result.Error);
        Assert.Equal(ChatFinishReason.ContentFilter, result.UnifiedFinishReason);
        Assert.Equal("SAFETY", result.FinishReason);
        Assert.Null(result.Usage);
    }

    [Theory]
    [InlineData("gemini/finish-safety", ChatFinishReason.ContentFilter)]
    [InlineData("gemini/finish-recitation", ChatFinishReason.ContentFilter)]
    [InlineData("gemini/malformed-function-call", ChatFinishReason.Other)]
    [InlineData("gemini/max-tokens-after-thoughts", ChatFinishReason.Length)]
    [InlineData("gemini/thought-summary", ChatFinishReason.Stop)]
    [InlineData("gemini/thought-function-call-signature", ChatFinishReason.ToolCalls)]
    public async Task FinishReasons_AreMapped(string fixture, ChatFinishReason expected)
    {
        var result = await RunFixtureAsync(fixture);

        Assert.Equal(expected, result.UnifiedFinishReason);
    }

    [Theory]
    [InlineData("STOP", ChatFinishReason.Stop)]
    [InlineData("MAX_TOKENS", ChatFinishReason.Length)]
    [InlineData("SAFETY", ChatFinishReason.ContentFilter)]
    [InlineData("RECITATION", ChatFinishReason.ContentFilter)]
    [InlineData("BLOCKLIST", ChatFinishReason.ContentFilter)]
    [InlineData("PROHIBITED_CONTENT", ChatFinishReason.ContentFilter)]
    [InlineData("SPII", ChatFinishReason.ContentFilter)]
    [InlineData("IMAGE_SAFETY", ChatFinishReason.ContentFilter)]
    [InlineData("MALFORMED_FUNCTION_CALL", ChatFinishReason.Other)]
    [InlineData("LANGUAGE", ChatFinishReason.Other)]
    [InlineData("OTHER", ChatFinishReason.Other)]
    public async Task FinishReason_EveryValue_IsMapped(string raw, ChatFinishReason expected)
    {
        var result = await RunAsync(SseBodies.Events("""{"candidates":[{"content":{"parts":[{"text":"x"}]},"finishReason":"RAW"}]}""".Replace("RAW", raw, StringComparison.Ordinal)));

        Assert.Equal(expected, result.UnifiedFinishReason);
        Assert.Equal(raw, result.FinishReason);
    }

    [Fact]
    public async Task Citations_FromGroundingAndCitationMetadata_AreOneMetadataChunkBeforeUsage()
    {
        var grounding = await RunFixtureAsync("gemini/search-grounding");
        var recitation = await RunFixtureAsync("gemini/finish-recitation");

        Assert.Equal(["test_uri_1", "test_uri_2"], grounding.Metadata.Single(m => m.Citations is not null).Citations);
        Assert.Equal(["https://www.google.com/", "https://uc-r.github.io/tidy_text"], recitation.Metadata.Single(m => m.Citations is not null).Citations);
        Assert.Equal([ChatChunkKind.Metadata, ChatChunkKind.Usage, ChatChunkKind.Finish], grounding.Chunks.TakeLast(3).Select(c => c.Kind));
    }

    [Fact]
    public async Task RawJsonErrorMidStream_ComesAfterTheTextWithItsStatus()
    {
        var result = await RunFixtureAsync("gemini/error-midstream-raw-json");

        Assert.Equal("First Second ", result.Text);
        Assert.Equal(0, result.FinishCount);
        var error = result.ProviderError!;
        Assert.Equal(ProviderErrorKind.Server, error.Kind);
        Assert.Equal("CANCELLED", error.ProviderCode);
        Assert.Equal("The operation was cancelled.", error.ProviderMessage);
    }

    [Theory]
    [InlineData("{\"error\":{\"code\":429,\"message\":\"Quota exceeded\",\"status\":\"RESOURCE_EXHAUSTED\"}}\r\n")]
    [InlineData("[{\r\n  \"error\": {\r\n    \"code\": 429,\r\n    \"message\": \"Quota exceeded\",\r\n    \"status\": \"RESOURCE_EXHAUSTED\"\r\n  }\r\n}\r\n]\r\n")]
    [InlineData("data: {\"error\":{\"code\":429,\"message\":\"Quota exceeded\",\"status\":\"RESOURCE_EXHAUSTED\"}}\r\n\r\n")]
    public async Task ErrorObject_RawInAnArrayOrAsAnEvent_IsRateLimited(string errorText)
    {
        var body = SseBodies.Events("""{"candidates":[{"content":{"parts":[{"text":"Hi"}]}}]}""") + errorText;

        var result = await RunAsync(body);

        Assert.Equal("Hi", result.Text);
        Assert.Equal(ProviderErrorKind.RateLimited, result.ProviderError?.Kind);
        Assert.Equal("RESOURCE_EXHAUSTED", result.ProviderError?.ProviderCode);
        Assert.Equal("Quota exceeded", result.ProviderError?.ProviderMessage);
    }

    [Fact]
    public async Task RawErrorWithoutEnd_IsIncomplete()
    {
        var body = SseBodies.Events("""{"candidates":[{"content":{"parts":[{"text":"Hi"}]},"finishReason":"STOP"}]}""") + "{\n  \"error\": {\n    \"code\": 500,\n";

        var result = await RunAsync(body);

        Assert.Equal(ProviderErrorKind.Incomplete, result.ProviderError?.Kind);
    }

    [Fact]
    public async Task InStreamErrorEchoingTheKey_MasksIt()
    {
        var body = "{\"error\":{\"code\":400,\"message\":\"bad key " + TestProviders.ApiKey + "\",\"status\":\"INVALID_ARGUMENT\"}}\n";

        var result = await RunAsync(body);

        Assert.Equal(ProviderErrorKind.InvalidRequest, result.ProviderError?.Kind);
        Assert.DoesNotContain(TestProviders.ApiKey, result.Error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestProviders.ApiKey, result.ProviderError!.ProviderMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyWithoutFinishReason_IsIncomplete()
    {
        var result = await RunAsync(SseBodies.FirstText);

        Assert.Equal("Hel", result.Text);
        Assert.Equal(ProviderErrorKind.Incomplete, result.ProviderError?.Kind);
    }

    [Fact]
    public async Task InvalidJsonAtTheEnd_IsIncomplete_AndInvalidJsonFollowedByMore_IsServerError()
    {
        var cut = await RunAsync(SseBodies.FirstText + "data: {\"candidates\":[{\"content\"\r\n\r\n");
        var garbage = await RunAsync("data: {oops\r\n\r\n" + SseBodies.Ok);

        Assert.Equal(ProviderErrorKind.Incomplete, cut.ProviderError?.Kind);
        Assert.Equal(ProviderErrorKind.Server, garbage.ProviderError?.Kind);
    }

    [Fact]
    public async Task CommentsEventNamesAndCrOnlyLineEnds_AreSse()
    {
        var body = ": keep-alive\revent: message\rid: 1\rdata: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\"}]}}]}\r\r"
            + "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"b\"}]},\"finishReason\":\"STOP\"}]}\r\r";

        var result = await RunAsync(body);

        Assert.Null(result.Error);
        Assert.Equal("ab", result.Text);
    }

    [Fact]
    public async Task IncludeReasoningFalse_DropsThoughtText()
    {
        var fixture = StreamFixture.Load("gemini/thought-summary");
        var provider = TestProviders.Create(StubHttpHandler.ForBody(fixture.Body));
        var request = new ChatRequest
        {
            Messages = [ChatMessage.User("Why is the sky blue?")],
            Reasoning = new ChatReasoningOptions { IncludeReasoning = false },
        };

        var result = await StreamFolder.CollectAsync(provider.StreamAsync(request));

        Assert.Empty(result.Reasoning);
        Assert.Equal(fixture.Expected.Text, result.Text);
    }

    [Fact]
    public async Task Usage_CachedTokensAndTrafficTypeOnlyObjects()
    {
        var body = SseBodies.Events(
            """{"candidates":[{"content":{"parts":[{"text":"a"}]}}],"usageMetadata":{"promptTokenCount":100,"cachedContentTokenCount":80,"candidatesTokenCount":1}}""",
            """{"candidates":[{"content":{"parts":[{"text":"b"}]},"finishReason":"STOP"}],"usageMetadata":{"trafficType":"ON_DEMAND"}}""");

        var result = await RunAsync(body);

        Assert.Equal(new ChatUsage { InputTokens = 100, OutputTokens = 1, CachedInputTokens = 80 }, result.Usage);
        Assert.Single(result.Chunks, c => c.Kind == ChatChunkKind.Usage);
    }

    [Fact]
    public async Task OtherCandidates_AreIgnored()
    {
        var body = SseBodies.Events(
            """{"candidates":[{"content":{"parts":[{"text":"one"}]},"index":0},{"content":{"parts":[{"text":"two"}]},"index":1}]}""",
            """{"candidates":[{"content":{"parts":[{"text":"!"}]},"index":1,"finishReason":"STOP"},{"content":{"parts":[{"text":"."}]},"index":0,"finishReason":"STOP"}]}""");

        var result = await RunAsync(body);

        Assert.Equal("one.", result.Text);
    }

    private static async Task<StreamResult> RunFixtureAsync(string id) =>
        await RunAsync(StreamFixture.Load(id).Body);

    private static Task<StreamResult> RunAsync(string body) => RunAsync(Encoding.UTF8.GetBytes(body));

    private static async Task<StreamResult> RunAsync(byte[] body)
    {
        var provider = TestProviders.Create(StubHttpHandler.ForBody(body, Chunking.Random(7, 13)));
        return await StreamFolder.CollectAsync(provider.StreamAsync(TestProviders.Hello()));
    }
}
