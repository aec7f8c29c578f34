using Microsoft.Extensions.Options;

namespace NxtAIGen.AspNetCore.Security;

/// <summary>Checks <see cref="NxtAIGenSecurityOptions"/> at start-up, naming the configuration key that is wrong.</summary>
internal sealed class NxtAIGenSecurityOptionsValidator : IValidateOptions<NxtAIGenSecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, NxtAIGenSecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AdminPolicy))
        {
            failures.Add("NxtAIGen:Security:AdminPolicy must name an authorization policy.");
        }

        if (options.MaxApiKeyLength is < 16 or > 8192)
        {
            failures.Add($"NxtAIGen:Security:MaxApiKeyLength is {options.MaxApiKeyLength}; it must be between 16 and 8192.");
        }

        if (options.VerifyTimeout < TimeSpan.FromSeconds(1) || options.VerifyTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"NxtAIGen:Security:VerifyTimeout is {options.VerifyTimeout}; it must be between 00:00:01 and 00:05:00.");
        }

        if (string.IsNullOrWhiteSpace(options.ReferrerPolicy))
        {
            failures.Add("NxtAIGen:Security:ReferrerPolicy must not be empty.");
        }

        for (var i = 0; i < options.AllowedUserBaseUrls.Count; i++)
        {
            if (UserBaseUrlPolicy.ParseRule(options.AllowedUserBaseUrls[i]) is null)
            {
                failures.Add($"NxtAIGen:Security:AllowedUserBaseUrls:{i} ('{options.AllowedUserBaseUrls[i]}') is neither an http(s) URL prefix nor a host pattern such as ollama.example.com or *.example.com.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
