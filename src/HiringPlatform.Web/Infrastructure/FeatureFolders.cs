using Microsoft.AspNetCore.Mvc.Razor;

namespace HiringPlatform.Web.Infrastructure;

// Views live beside their controllers: Features/<Area>/<View>.cshtml, shared ones in Features/Shared.
public sealed class FeatureFolderLocationExpander : IViewLocationExpander
{
    public void PopulateValues(ViewLocationExpanderContext context) { }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        ["/Features/{1}/{0}.cshtml", "/Features/Shared/{0}.cshtml"];
}
