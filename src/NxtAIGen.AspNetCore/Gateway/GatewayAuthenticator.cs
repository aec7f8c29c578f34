using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NxtAIGen.AspNetCore.Gateway;

/// <summary>
/// Authenticates gateway requests by <c>Authorization: Bearer</c>: a server key from <c>NxtAIGen:Gateway:Keys</c>
/// (compared in constant time, as SHA-256 digests so the length does not leak either), or a user's <c>nxg_</c> token,
/// looked up by its SHA-256 in <see cref="IGatewayTokenStore"/>. The host's own authentication (cookies) never counts.
/// </summary>
internal sealed partial class GatewayAuthenticator
{
    public const string AuthenticationType = "NxtAIGenGateway";

    private readonly IGatewayTokenStore _tokens;
    private readonly IOptionsMonitor<NxtAIGenOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<GatewayAuthenticator> _logger;

    public GatewayAuthenticator(IGatewayTokenStore tokens, IOptionsMonitor<NxtAIGenOptions> options, TimeProvider timeProvider, ILogger<GatewayAuthenticator> logger)
    {
        _tokens = tokens;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async ValueTask<(GatewayCaller? Caller, OpenAIError? Refusal)> AuthenticateAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            return (null, OpenAIError.InvalidApiKey("You didn't provide an API key. Send it as 'Authorization: Bearer YOUR_KEY' (a gateway key or an nxg_ token)."));
        }

        var presented = header[7..].Trim();
        var ip = context.Connection.RemoteIpAddress?.ToString();
        var options = _options.CurrentValue;
        if (MatchServerKey(presented, options.Gateway.Keys) is { } keyId)
        {
            var userId = "gateway:" + keyId;
            var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, userId), new(ClaimTypes.Name, userId) };
            if (options.Gateway.KeyPlan is { Length: > 0 } plan)
            {
                claims.Add(new Claim(options.Plans.PlanClaimType, plan));
            }

            return (new GatewayCaller(new ChatCaller(ChatCallerKind.User, userId) { IpAddress = ip }, Principal(claims)), null);
        }

        if (GatewayTokenText.LooksLikeToken(presented))
        {
            var token = await _tokens.FindByHashAsync(GatewayTokenText.Hash(presented), context.RequestAborted).ConfigureAwait(false);
            if (token is not null)
            {
                await TouchAsync(token, options.Gateway.LastUsedResolution).ConfigureAwait(false);
                var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, token.UserId), new("nxtaigen:gateway_token", token.Id) };
                return (new GatewayCaller(new ChatCaller(ChatCallerKind.User, token.UserId) { IpAddress = ip }, Principal(claims)), null);
            }
        }

        LogRefused(_logger, ip);
        return (null, OpenAIError.InvalidApiKey("Incorrect API key provided. Use a key from NxtAIGen:Gateway:Keys or a gateway token created in your settings."));
    }

    /// <summary>The id of the matching server key (the first 8 hex digits of its SHA-256), checking every key in constant time.</summary>
    internal static string? MatchServerKey(string presented, IList<string> keys)
    {
        if (keys.Count == 0)
        {
            return null;
        }

        Span<byte> presentedHash = stackalloc byte[32];
        Span<byte> keyHash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(presented), presentedHash);
        string? match = null;
        foreach (var key in keys)
        {
            var trimmed = key.Trim();
            SHA256.HashData(Encoding.UTF8.GetBytes(trimmed), keyHash);
            if (CryptographicOperations.FixedTimeEquals(presentedHash, keyHash) && trimmed.Length > 0)
            {
                match ??= Convert.ToHexStringLower(keyHash[..4]);
            }
        }

        return match;
    }

    private static ClaimsPrincipal Principal(List<Claim> claims) => new(new ClaimsIdentity(claims, AuthenticationType));

    private async ValueTask TouchAsync(GatewayToken token, TimeSpan resolution)
    {
        var now = _timeProvider.GetUtcNow();
        if (token.LastUsedAt is { } last && now - last < resolution)
        {
            return;
        }

        try
        {
            await _tokens.TouchAsync(token.Id, now, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A failed bookkeeping write must not refuse a valid token.
            LogTouchFailed(_logger, token.Id, ex);
        }
    }

    [LoggerMessage(140, LogLevel.Information, "Refused a gateway request from {IpAddress}: no valid bearer key or token.")]
    private static partial void LogRefused(ILogger logger, string? ipAddress);

    [LoggerMessage(141, LogLevel.Warning, "Could not record the last use of gateway token {TokenId}.")]
    private static partial void LogTouchFailed(ILogger logger, string tokenId, Exception exception);
}
