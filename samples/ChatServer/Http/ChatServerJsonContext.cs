using System.Text.Json.Serialization;
using ChatServer.Admin;
using ChatServer.Accounts;
using ChatServer.Conversations;
using ChatServer.Settings;

namespace ChatServer.Http;

/// <summary>The sample's JSON (source-generated, snake_case), added first to the HTTP JSON options.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    PropertyNameCaseInsensitive = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(ProblemBody))]
[JsonSerializable(typeof(MeResponse))]
[JsonSerializable(typeof(List<ExternalLoginResponse>))]
[JsonSerializable(typeof(List<ConversationSummary>))]
[JsonSerializable(typeof(ConversationResponse))]
[JsonSerializable(typeof(ConversationTitleBody))]
[JsonSerializable(typeof(List<StoredFile>))]
[JsonSerializable(typeof(SettingsBody))]
[JsonSerializable(typeof(KeyTestResponse))]
[JsonSerializable(typeof(List<AdminProviderResponse>))]
[JsonSerializable(typeof(AdminProviderResponse))]
[JsonSerializable(typeof(AdminProviderBody))]
[JsonSerializable(typeof(List<PlanResponse>))]
[JsonSerializable(typeof(List<AdminUserResponse>))]
[JsonSerializable(typeof(AdminUserResponse))]
[JsonSerializable(typeof(PlanOverrideBody))]
[JsonSerializable(typeof(UsageDashboard))]
internal sealed partial class ChatServerJsonContext : JsonSerializerContext;
