using Microsoft.AspNetCore.WebUtilities;

namespace HiringPlatform.Web.Infrastructure;

// Links that keep the page's current filters and change one parameter (paging: "next page" keeps the filters).
public static class QueryStrings
{
    public static string With(this HttpRequest request, string key, string? value)
    {
        var query = request.Query
            .Where(p => !string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(p.Value))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .ToList();
        if (!string.IsNullOrEmpty(value)) query.Add(new(key, value));
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }
}
