using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace HiringPlatform.Web.Infrastructure;

// Views live beside their controllers: Features/<Area>/<View>.cshtml, shared ones in Features/Shared. The area is the
// controller's folder (its namespace), not its name, so one area may hold several small controllers.
public sealed class FeatureFolderLocationExpander : IViewLocationExpander
{
    private const string Key = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action
            && action.ControllerTypeInfo.Namespace is { } ns && ns.StartsWith(Prefix, StringComparison.Ordinal))
            context.Values[Key] = ns[Prefix.Length..].Split('.')[0];
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue(Key, out var feature) && feature is not null
            ? [$"/Features/{feature}/{{0}}.cshtml", "/Features/Shared/{0}.cshtml"]
            : ["/Features/{1}/{0}.cshtml", "/Features/Shared/{0}.cshtml"];

    private const string Prefix = "HiringPlatform.Web.Features.";
}
