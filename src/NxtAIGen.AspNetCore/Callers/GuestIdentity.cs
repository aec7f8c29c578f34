using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace NxtAIGen.AspNetCore.Callers;

/// <summary>
/// A guest's identity: a random 128-bit id in an HttpOnly, SameSite=Lax cookie (Secure on HTTPS), protected with Data
/// Protection (purpose <c>NxtAIGen.Guest.v1</c>). A missing or tampered cookie gets a new id.
/// </summary>
internal sealed class GuestIdentity
{
    public const string Purpose = "NxtAIGen.Guest.v1";
    private readonly IDataProtector _protector;
    private readonly IOptionsMonitor<NxtAIGenOptions> _options;
    private readonly TimeProvider _timeProvider;

    public GuestIdentity(IDataProtectionProvider dataProtection, IOptionsMonitor<NxtAIGenOptions> options, TimeProvider timeProvider)
    {
        _protector = dataProtection.CreateProtector(Purpose);
        _options = options;
        _timeProvider = timeProvider;
    }

    /// <summary>Reads the guest id from the request's cookie, or issues a new one on the response.</summary>
    public string GetOrIssue(HttpContext context)
    {
        var guest = _options.CurrentValue.Guest;
        if (context.Items.TryGetValue(typeof(GuestIdentity), out var issued) && issued is string id)
        {
            return id;
        }

        if (context.Request.Cookies.TryGetValue(guest.CookieName, out var cookie) && TryUnprotect(cookie, out id))
        {
            return id;
        }

        id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Items[typeof(GuestIdentity)] = id;
        if (!context.Response.HasStarted)
        {
            context.Response.Cookies.Append(guest.CookieName, _protector.Protect(id), new CookieOptions
            {
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                Path = "/",
                IsEssential = true,
                Expires = _timeProvider.GetUtcNow() + guest.CookieLifetime,
            });
        }

        return id;
    }

    private bool TryUnprotect(string cookie, out string id)
    {
        id = string.Empty;
        try
        {
            var value = _protector.Unprotect(cookie);
            if (value.Length == 32 && value.All(char.IsAsciiHexDigitLower))
            {
                id = value;
                return true;
            }
        }
        catch (CryptographicException)
        {
            // Tampered, truncated, or protected with a key this app no longer has: a new guest.
        }

        return false;
    }
}
