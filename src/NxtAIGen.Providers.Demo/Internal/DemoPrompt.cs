using NxtAIGen.Abstractions;

namespace NxtAIGen.Providers.Demo.Internal;

/// <summary>What the demo provider reads from a request: the last user message, its attachments and the shape of the conversation.</summary>
internal sealed class DemoPrompt
{
    private const int TokensPerMessage = 4;
    private const int TokensPerImage = 85;

    private DemoPrompt(string text, int imageCount, IReadOnlyList<string> documentNames, int userTurns, int systemPromptLength, int inputTokens, ulong hash, ulong conversationHash)
    {
        Text = text;
        ImageCount = imageCount;
        DocumentNames = documentNames;
        UserTurns = userTurns;
        SystemPromptLength = systemPromptLength;
        InputTokens = inputTokens;
        Hash = hash;
        ConversationHash = conversationHash;
    }

    /// <summary>Gets the text of the last user message (empty when there is none).</summary>
    public string Text { get; }

    /// <summary>Gets the number of images in the last user message.</summary>
    public int ImageCount { get; }

    /// <summary>Gets the names of the documents in the last user message.</summary>
    public IReadOnlyList<string> DocumentNames { get; }

    /// <summary>Gets the number of user messages in the conversation.</summary>
    public int UserTurns { get; }

    /// <summary>Gets the total length of the system messages.</summary>
    public int SystemPromptLength { get; }

    /// <summary>Gets the estimated prompt tokens of the whole conversation.</summary>
    public int InputTokens { get; }

    /// <summary>Gets the stable hash of the last user message and its attachments: it varies the answer.</summary>
    public ulong Hash { get; }

    /// <summary>Gets the stable hash of the whole conversation: it derives the response id.</summary>
    public ulong ConversationHash { get; }

    /// <summary>Gets whether the last user message asks a question.</summary>
    public bool IsQuestion => Text.TrimEnd().EndsWith('?');

    /// <summary>Gets whether the last user message has any attachment.</summary>
    public bool HasAttachments => ImageCount > 0 || DocumentNames.Count > 0;

    /// <summary>Gets the demo command (<c>/demo error</c>, ...) the last user message is, in lower case, or <see langword="null"/>.</summary>
    public string? Command
    {
        get
        {
            var text = Text.Trim();
            if (!text.StartsWith("/demo", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var rest = text[5..];
            if (rest.Length > 0 && !char.IsWhiteSpace(rest[0]))
            {
                return null;
            }

            var name = string.Join(' ', rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
#pragma warning disable CA1308 // Commands are written in lower case; the value is never used as an identifier elsewhere.
            return name.Length == 0 ? "help" : name.ToLowerInvariant();
#pragma warning restore CA1308
        }
    }

    public static DemoPrompt From(ChatRequest request)
    {
        ChatMessage? lastUser = null;
        var userTurns = 0;
        var systemLength = 0;
        var inputTokens = 0;
        var conversationHash = DemoHash.Start;
        foreach (var message in request.Messages)
        {
            conversationHash = DemoHash.Add(conversationHash, (long)message.Role);
            inputTokens += TokensPerMessage;
            foreach (var part in message.Parts)
            {
                var (tokens, key) = Measure(part);
                inputTokens += tokens;
                conversationHash = DemoHash.Add(conversationHash, key);
            }

            switch (message.Role)
            {
                case ChatRole.User:
                    userTurns++;
                    lastUser = message;
                    break;
                case ChatRole.System:
                    systemLength += message.Text.Length;
                    break;
                default:
                    break;
            }
        }

        var text = lastUser?.Text ?? string.Empty;
        var images = 0;
        var documents = new List<string>();
        var hash = DemoHash.Add(DemoHash.Start, text);
        foreach (var part in lastUser?.Parts ?? [])
        {
            switch (part)
            {
                case ImagePart image:
                    images++;
                    hash = DemoHash.Add(hash, image.MediaType);
                    hash = DemoHash.Add(hash, image.Url is null ? image.Data.Length : image.Url.OriginalString.Length);
                    break;
                case DocumentPart document:
                    documents.Add(document.Name);
                    hash = DemoHash.Add(hash, document.Name);
                    break;
                default:
                    break;
            }
        }

        return new DemoPrompt(text, images, documents, userTurns, systemLength, Math.Max(1, inputTokens), hash, conversationHash);
    }

    private static (int Tokens, string Key) Measure(ChatPart part) => part switch
    {
        TextPart p => (DemoText.EstimateTokens(p.Text.Length), p.Text),
        ImagePart p => (TokensPerImage, string.Concat("image:", p.MediaType, ":", p.Url?.OriginalString ?? p.Data.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        DocumentPart p => (DemoText.EstimateTokens(p.Text?.Length ?? p.Data.Length), "document:" + p.Name),
        ReasoningPart p => (DemoText.EstimateTokens(p.Text.Length), "reasoning:" + p.Text),
        ToolCallPart p => (DemoText.EstimateTokens(p.Call.Name.Length + p.Call.Arguments.Length), string.Concat("call:", p.Call.Name, p.Call.Arguments)),
        ToolResultPart p => (DemoText.EstimateTokens(p.Content.Length), "result:" + p.Content),
        _ => (0, string.Empty),
    };
}
