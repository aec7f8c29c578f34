using System.Text.RegularExpressions;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore.Endpoints;

namespace NxtAIGen.AspNetCore.Requests;

/// <summary>Validates a chat request body and turns it into a <see cref="ChatRequest"/>, refusing (never dropping) what cannot be sent.</summary>
internal static partial class ChatRequestMapper
{
    public static (ChatRequest? Request, ApiProblem? Problem) Map(ChatStreamRequestBody body, ChatProviderDescriptor provider, NxtAIGenRequestOptions limits, AttachmentReader attachments)
    {
        var model = string.IsNullOrWhiteSpace(body.Model) ? provider.DefaultModel : body.Model.Trim();
        if (model is null)
        {
            return Fail($"No model was given and the provider '{provider.Id}' has no default model.");
        }

        if (!ModelPattern().IsMatch(model))
        {
            return Fail("The model id may contain only letters, digits and . _ : / - (at most 128 characters).");
        }

        var turns = body.Messages ?? [];
        if (body.Message is not null)
        {
            turns = [.. turns, new ChatMessageBody { Role = "user", Content = body.Message, Files = body.Files }];
        }
        else if (body.Files is { Count: > 0 })
        {
            return Fail("Top-level 'files' belong to the 'message' shorthand; put files on a message in 'messages'.");
        }

        if (turns.Count == 0)
        {
            return Fail("Send 'messages' (or the 'message' shorthand) with at least one user message.");
        }

        if (turns.Count > limits.MaxMessages)
        {
            return Fail($"Too many messages: {turns.Count} (the limit is {limits.MaxMessages}).");
        }

        var fileCount = turns.Sum(t => t.Files?.Count ?? 0);
        if (fileCount > limits.MaxFiles)
        {
            return Fail($"Too many files: {fileCount} (the limit is {limits.MaxFiles}).");
        }

        var messages = new List<ChatMessage>(turns.Count);
        for (var i = 0; i < turns.Count; i++)
        {
            var (message, problem) = MapMessage(turns[i], i, provider, limits, attachments);
            if (problem is not null)
            {
                return (null, problem);
            }

            messages.Add(message!);
        }

        if (!messages.Any(m => m.Role == ChatRole.User))
        {
            return Fail("At least one message must have the role 'user'.");
        }

        var (reasoning, reasoningProblem) = MapReasoning(body);
        if (reasoningProblem is not null)
        {
            return (null, reasoningProblem);
        }

        if (body.MaxOutputTokens is < 1 or > 1_000_000)
        {
            return Fail("'max_output_tokens' must be between 1 and 1000000.");
        }

        if (body.Temperature is < 0 or > 2 || (body.Temperature is { } t && float.IsNaN(t)))
        {
            return Fail("'temperature' must be between 0 and 2.");
        }

        if (body.TopP is < 0 or > 1 || (body.TopP is { } p && float.IsNaN(p)))
        {
            return Fail("'top_p' must be between 0 and 1.");
        }

        if (body.Stop is { Count: > 16 } || body.Stop?.Any(string.IsNullOrEmpty) == true)
        {
            return Fail("'stop' takes at most 16 non-empty strings.");
        }

        return (new ChatRequest
        {
            Model = model,
            Messages = messages,
            Reasoning = reasoning,
            MaxOutputTokens = body.MaxOutputTokens,
            Temperature = body.Temperature,
            TopP = body.TopP,
            StopSequences = body.Stop,
        }, null);
    }

    private static (ChatMessage? Message, ApiProblem? Problem) MapMessage(ChatMessageBody turn, int index, ChatProviderDescriptor provider, NxtAIGenRequestOptions limits, AttachmentReader attachments)
    {
        var role = turn.Role?.ToUpperInvariant() switch
        {
            "SYSTEM" => ChatRole.System,
            "USER" => ChatRole.User,
            "ASSISTANT" => ChatRole.Assistant,
            _ => (ChatRole?)null,
        };
        if (role is null)
        {
            return (null, ApiProblem.InvalidRequest($"messages[{index}].role must be 'system', 'user' or 'assistant'."));
        }

        var parts = new List<ChatPart>();
        if (!string.IsNullOrEmpty(turn.Content))
        {
            parts.Add(new TextPart(turn.Content));
        }

        if (turn.Files is { Count: > 0 } files)
        {
            if (role != ChatRole.User)
            {
                return (null, ApiProblem.InvalidRequest($"messages[{index}]: only user messages may carry files."));
            }

            for (var f = 0; f < files.Count; f++)
            {
                var (part, problem) = attachments.Read(files[f], $"messages[{index}].files[{f}]", provider, limits);
                if (problem is not null)
                {
                    return (null, problem);
                }

                parts.Add(part!);
            }
        }

        if (parts.Count == 0)
        {
            return (null, ApiProblem.InvalidRequest($"messages[{index}] is empty: give it 'content' or 'files'."));
        }

        return (new ChatMessage(role.Value, parts), null);
    }

    private static (ChatReasoningOptions? Reasoning, ApiProblem? Problem) MapReasoning(ChatStreamRequestBody body)
    {
        if (body.Reasoning is { } reasoning)
        {
            ChatReasoningEffort? effort = reasoning.Effort?.ToUpperInvariant() switch
            {
                null => null,
                "MINIMAL" => ChatReasoningEffort.Minimal,
                "LOW" => ChatReasoningEffort.Low,
                "MEDIUM" => ChatReasoningEffort.Medium,
                "HIGH" => ChatReasoningEffort.High,
                _ => (ChatReasoningEffort)(-1),
            };
            if (effort == (ChatReasoningEffort)(-1))
            {
                return (null, ApiProblem.InvalidRequest("'reasoning.effort' must be 'minimal', 'low', 'medium' or 'high'."));
            }

            if (reasoning.BudgetTokens is < 1 or > 1_000_000)
            {
                return (null, ApiProblem.InvalidRequest("'reasoning.budget_tokens' must be between 1 and 1000000."));
            }

            if (effort is null && reasoning.BudgetTokens is null)
            {
                effort = ChatReasoningEffort.Medium;
            }

            return (new ChatReasoningOptions { Effort = effort, BudgetTokens = reasoning.BudgetTokens }, null);
        }

        return body.Thinking == true ? (new ChatReasoningOptions { Effort = ChatReasoningEffort.Medium }, null) : (null, null);
    }

    private static (ChatRequest?, ApiProblem?) Fail(string error) => (null, ApiProblem.InvalidRequest(error));

    [GeneratedRegex("^[A-Za-z0-9._:/-]{1,128}$")]
    private static partial Regex ModelPattern();
}
