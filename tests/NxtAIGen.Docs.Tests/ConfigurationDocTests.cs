using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using NxtAIGen.Abstractions;
using NxtAIGen.AspNetCore;
using NxtAIGen.Providers.Demo;
using NxtAIGen.Storage.EntityFrameworkCore;
using NxtAIGen.Storage.Redis;

namespace NxtAIGen.Docs.Tests;

/// <summary>
/// docs/configuration.md against the options types: every configuration key and every code-only option has a row
/// whose default is the type's real default, and no row names an option that does not exist. A new option (or a new
/// options type, or a new package) without documentation fails here.
/// </summary>
public sealed partial class ConfigurationDocTests
{
    private const string Doc = "docs/configuration.md";

    /// <summary>Options bound from configuration, and the section each binds from.</summary>
    private static readonly (Type Type, string Section)[] Bound =
    [
        (typeof(ChatProviderRegistryOptions), "NxtAIGen"),
        (typeof(NxtAIGenOptions), "NxtAIGen"),
        (typeof(NxtAIGenSecurityOptions), "NxtAIGen:Security"),
        (typeof(NxtAIGenTelemetryOptions), "NxtAIGen:Telemetry"),
    ];

    /// <summary>Options set in code (<c>AddDemo(o =&gt; ...)</c>, <c>AddEntityFrameworkStores(..., o =&gt; ...)</c>): rows named <c>Type.Property</c>.</summary>
    private static readonly Type[] CodeOnly = [typeof(DemoProviderOptions), typeof(NxtAIGenEntityFrameworkOptions), typeof(NxtAIGenRedisOptions), typeof(ChatClientProviderOptions), typeof(NxtAIGenHealthCheckOptions)];

    /// <summary>Public types named *Options that are not settings (a request's reasoning options).</summary>
    private static readonly Type[] NotSettings = [typeof(ChatReasoningOptions)];

    [Fact]
    public void EveryLibrary_IsReferencedHere_SoItsOptionsAreChecked()
    {
        var libraries = Directory.GetDirectories(RepositoryFiles.PathOf("src"))
            .Where(dir => Directory.GetFiles(dir, "*.csproj").Length > 0)
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);

        Assert.Equal(libraries, LibraryAssemblies().Select(a => a.GetName().Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryOptionsType_IsBoundOrCodeOnly_AndSoDocumented()
    {
        var reachable = Bound.SelectMany(b => Walk(b.Type, b.Section, Activator.CreateInstance(b.Type)))
            .Select(o => o.Owner).Concat(Bound.Select(b => b.Type)).ToHashSet();
        var unknown = LibraryAssemblies()
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsClass && t.Name.EndsWith("Options", StringComparison.Ordinal))
            .Where(t => !reachable.Contains(t) && !CodeOnly.Contains(t) && !NotSettings.Contains(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(unknown.Count == 0,
            $"Options types not covered by {Doc}: {string.Join(", ", unknown)}. Document them and list them in {nameof(ConfigurationDocTests)} (Bound or CodeOnly).");
    }

    [Fact]
    public void EveryOption_HasARowWithItsDefault()
    {
        var rows = DocumentedRows();
        var failures = new List<string>();
        foreach (var option in AllOptions())
        {
            if (!rows.TryGetValue(Normalize(option.Key), out var defaultCell))
            {
                failures.Add($"{option.Key}: no row in {Doc}");
            }
            else if (FormatDefault(option.Default) is { } expected && !defaultCell.Contains($"`{expected}`", StringComparison.Ordinal))
            {
                failures.Add($"{option.Key}: the default column says '{defaultCell}', but the default is `{expected}`");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void EveryRow_NamesAnExistingOption()
    {
        var known = AllOptions().Select(o => Normalize(o.Key)).ToHashSet(StringComparer.Ordinal);

        var stale = DocumentedRows().Keys.Where(k => !known.Contains(k)).ToList();

        Assert.True(stale.Count == 0, $"{Doc} documents options that do not exist: {string.Join(", ", stale)}");
    }

    private static IEnumerable<Assembly> LibraryAssemblies() =>
        Directory.GetFiles(AppContext.BaseDirectory, "NxtAIGen.*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => !name!.EndsWith(".Tests", StringComparison.Ordinal) && name != "NxtAIGen.Testing" && name != "NxtAIGen.Storage.Testing")
            .Select(name => Assembly.Load(name!));

    private static List<(string Key, object? Default, Type Owner)> AllOptions()
    {
        var options = Bound.SelectMany(b => Walk(b.Type, b.Section, Activator.CreateInstance(b.Type))).ToList();
        foreach (var type in CodeOnly)
        {
            var instance = Activator.CreateInstance(type);
            options.AddRange(Settable(type).Select(p => ($"{type.Name}.{p.Name}", IsLeaf(p.PropertyType) ? p.GetValue(instance) : null, type)));
        }

        return options;
    }

    /// <summary>The configuration keys under <paramref name="prefix"/>: nested options classes recurse; dictionaries add a <c>&lt;name&gt;</c> segment, lists an index.</summary>
    private static IEnumerable<(string Key, object? Default, Type Owner)> Walk(Type type, string prefix, object? instance)
    {
        foreach (var property in Settable(type))
        {
            var key = $"{prefix}:{property.Name}";
            var propertyType = property.PropertyType;
            var value = instance is null ? null : property.GetValue(instance);
            if (IsLeaf(propertyType))
            {
                yield return (key, value, type);
            }
            else if (DictionaryValueType(propertyType) is { } valueType)
            {
                if (IsLeaf(valueType))
                {
                    yield return ($"{key}:<name>", null, type);
                }
                else if (typeof(IEnumerable).IsAssignableFrom(valueType))
                {
                    yield return ($"{key}:<name>:<n>", null, type); // a list per name (ModelFallbacks)
                }
                else
                {
                    foreach (var nested in Walk(valueType, $"{key}:<name>", Activator.CreateInstance(valueType)))
                    {
                        yield return nested;
                    }
                }
            }
            else if (propertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                yield return ($"{key}:<n>", null, type);
            }
            else
            {
                foreach (var nested in Walk(propertyType, key, value))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetMethod is not null && p.GetIndexParameters().Length == 0);

    private static bool IsLeaf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(Uri) || type == typeof(decimal);
    }

    private static Type? DictionaryValueType(Type type) =>
        type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>) && i.GetGenericArguments()[0] == typeof(string))
            ?.GetGenericArguments()[1];

    private static string? FormatDefault(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>The rows of the doc's tables whose first cell is one backticked key: key → default cell (the second).</summary>
    private static Dictionary<string, string> DocumentedRows()
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in RepositoryFiles.Read(Doc).Split('\n'))
        {
            var match = Row().Match(line);
            if (match.Success && (match.Groups[1].Value.StartsWith("NxtAIGen:", StringComparison.Ordinal) || match.Groups[1].Value.Contains('.', StringComparison.Ordinal)))
            {
                rows[Normalize(match.Groups[1].Value)] = match.Groups[2].Value;
            }
        }

        return rows;
    }

    /// <summary>Any placeholder segment (<c>&lt;id&gt;</c>, <c>&lt;plan&gt;</c>, <c>&lt;n&gt;</c>) compares equal.</summary>
    private static string Normalize(string key) => Placeholder().Replace(key, "<>");

    [GeneratedRegex(@"^\|\s*`([^`]+)`\s*\|([^|]*)\|")]
    private static partial Regex Row();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Placeholder();
}
