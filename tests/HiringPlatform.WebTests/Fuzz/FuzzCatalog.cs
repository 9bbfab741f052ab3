using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;

namespace HiringPlatform.WebTests.Fuzz;

// One input the action binds: a leaf value (simple type), a list of leaves, a dictionary or an uploaded file,
// with the form/query key MVC reads it from.
public enum FieldKind { Leaf, List, Dictionary, File }

public sealed record FuzzField(string Key, FieldKind Kind, Type Type, Type? KeyType = null);

public sealed record FuzzAction(string Method, string Template, string Name, IReadOnlyList<FuzzField> Fields, bool Multipart)
{
    public override string ToString() => $"{Method} /{Template}";
}

// Every form and every query-bound model, found from the app's own metadata: the controller actions MVC registered,
// their parameters' binding sources and, recursively, the bindable properties of bound models. A new action or a
// new field is fuzzed without anyone listing it here.
public static partial class FuzzCatalog
{
    private const int MaxDepth = 4;

    public static IReadOnlyList<FuzzAction> Discover(IServiceProvider services)
    {
        var actions = services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>();
        var metadata = services.GetRequiredService<IModelMetadataProvider>();
        var found = new List<FuzzAction>();
        foreach (var action in actions)
        {
            var template = action.AttributeRouteInfo?.Template;
            if (template is null) continue;
            var routeNames = RouteParameters(template).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var fields = new List<FuzzField>();
            foreach (var parameter in action.Parameters)
            {
                var source = parameter.BindingInfo?.BindingSource;
                if (source is not null && (source == BindingSource.Services || source == BindingSource.Special
                                           || source == BindingSource.Header || source == BindingSource.Body)) continue;
                if (parameter.ParameterType == typeof(CancellationToken)) continue;
                var name = parameter.BindingInfo?.BinderModelName ?? parameter.Name;
                if (routeNames.Contains(name)) continue;
                var model = metadata.GetMetadataForType(parameter.ParameterType);
                // A complex top-level model binds with no prefix when no key carries its name (how our forms post).
                var isFile = typeof(IFormFile).IsAssignableFrom(parameter.ParameterType) || typeof(IEnumerable<IFormFile>).IsAssignableFrom(parameter.ParameterType);
                Expand(model, model.IsComplexType && !model.IsEnumerableType && !isFile ? "" : name, 0, fields);
            }
            var methods = action.ActionConstraints?.OfType<HttpMethodActionConstraint>().SelectMany(c => c.HttpMethods).ToList();
            foreach (var method in methods is { Count: > 0 } ? methods : ["GET"])
            {
                if (method is not ("GET" or "POST")) continue;
                found.Add(new FuzzAction(method, template, action.DisplayName ?? action.ActionName,
                    fields.DistinctBy(f => f.Key).ToList(), fields.Any(f => f.Kind == FieldKind.File)));
            }
        }
        return found.OrderBy(a => a.Template, StringComparer.Ordinal).ThenBy(a => a.Method, StringComparer.Ordinal).ToList();
    }

    public static IEnumerable<(string Name, string? Constraint)> RouteParameters(string template) =>
        RouteParameter().Matches(template).Select(m => (m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : null));

    [GeneratedRegex(@"\{\*?(\w+)(?::(\w+))?[^}]*\}")]
    private static partial Regex RouteParameter();

    private static void Expand(ModelMetadata model, string key, int depth, List<FuzzField> fields)
    {
        var type = model.ModelType;
        if (typeof(IFormFile).IsAssignableFrom(type) || typeof(IEnumerable<IFormFile>).IsAssignableFrom(type))
        {
            fields.Add(new FuzzField(key, FieldKind.File, type));
            return;
        }
        if (!model.IsComplexType)
        {
            fields.Add(new FuzzField(key, FieldKind.Leaf, type));
            return;
        }
        if (depth >= MaxDepth) return;
        var dictionary = type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)));
        if (dictionary is not null)
        {
            var args = dictionary.GetGenericArguments();
            fields.Add(new FuzzField(key, FieldKind.Dictionary, args[1], args[0]));
            return;
        }
        if (model.IsEnumerableType && model.ElementMetadata is { } element)
        {
            if (!element.IsComplexType)
            {
                fields.Add(new FuzzField(key, FieldKind.List, element.ModelType));
                return;
            }
            // Two items of a list of records (answers, ratings): enough to reach index handling.
            for (var i = 0; i < 2; i++) Expand(element, $"{key}[{i}]", depth + 1, fields);
            return;
        }
        foreach (var property in model.Properties)
        {
            if (!property.IsBindingAllowed || property.IsReadOnly && !property.IsComplexType) continue;
            var source = property.BindingSource;
            if (source is not null && (source == BindingSource.Services || source == BindingSource.Special || source == BindingSource.Header)) continue;
            var name = property.BinderModelName ?? property.PropertyName!;
            Expand(property, key.Length == 0 ? name : $"{key}.{name}", depth + 1, fields);
        }
    }
}
