using NxtAIGen.Abstractions;

namespace NxtAIGen.AspNetCore.Requests;

/// <summary>
/// Trims a conversation to <see cref="NxtAIGenRequestOptions.MaxHistoryTokens"/>: system messages and the last user turn
/// (with whatever follows it) are always kept; older turns are dropped oldest first until the rest fits, and an assistant
/// turn left at the front is dropped too, so the history still starts with the user. Tokens are estimated, not counted:
/// about four characters per token for text, documents, reasoning and tool calls, 1,000 per image, and 4 per message.
/// </summary>
internal static class ChatHistoryTrimmer
{
    /// <summary>The estimate for one image.</summary>
    public const int ImageTokens = 1000;

    /// <summary>The estimate for a message's framing.</summary>
    public const int MessageTokens = 4;

    public static ChatRequest Trim(ChatRequest request, int? maxTokens)
    {
        if (maxTokens is not { } budget || request.Messages.Count == 0)
        {
            return request;
        }

        var messages = request.Messages;
        var lastUser = -1;
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == ChatRole.User)
            {
                lastUser = i;
                break;
            }
        }

        if (lastUser < 0)
        {
            return request;
        }

        // What is always kept: system messages, and the last user turn with what follows it.
        var used = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i].Role == ChatRole.System || i >= lastUser)
            {
                used += Estimate(messages[i]);
            }
        }

        // Older turns, newest first, while they fit; the first that does not fit ends the history.
        var firstKept = lastUser;
        for (var i = lastUser - 1; i >= 0; i--)
        {
            if (messages[i].Role == ChatRole.System)
            {
                continue;
            }

            var cost = Estimate(messages[i]);
            if (used + cost > budget)
            {
                break;
            }

            used += cost;
            firstKept = i;
        }

        while (firstKept < lastUser && messages[firstKept].Role != ChatRole.User)
        {
            firstKept++;
        }

        var kept = new List<ChatMessage>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i].Role == ChatRole.System || i >= firstKept)
            {
                kept.Add(messages[i]);
            }
        }

        if (kept.Count == messages.Count)
        {
            return request;
        }

        return ChatRequestCopy.With(request, request.Model, kept);
    }

    /// <summary>The estimated tokens of one message.</summary>
    public static int Estimate(ChatMessage message)
    {
        long chars = 0;
        var tokens = MessageTokens;
        foreach (var part in message.Parts)
        {
            switch (part)
            {
                case TextPart text:
                    chars += text.Text.Length;
                    break;
                case ImagePart:
                    tokens += ImageTokens;
                    break;
                case DocumentPart document:
                    chars += (DocumentPrompt.GetText(document)?.Length ?? document.Data.Length) + document.Name.Length;
                    break;
                case ReasoningPart reasoning:
                    chars += reasoning.Text.Length;
                    break;
                case ToolCallPart call:
                    chars += call.Call.Name.Length + call.Call.Arguments.Length;
                    break;
                case ToolResultPart result:
                    chars += result.Content.Length;
                    break;
                default:
                    break;
            }
        }

        return (int)Math.Min(int.MaxValue / 2, tokens + ((chars + 3) / 4));
    }
}
