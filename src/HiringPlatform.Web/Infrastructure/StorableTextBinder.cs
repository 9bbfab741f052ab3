using HiringPlatform.Application.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace HiringPlatform.Web.Infrastructure;

// Every bound string (query, form, route, and strings inside collections and bound models) passes StorableText:
// a NUL character or a broken surrogate is refused with a message on that field, and the value stays unbound, so
// it never reaches PostgreSQL (which answers 0x00 in text with an error, hence a 500).
// Booleans too, for another reason: a form shown again after "on=maybe" would hand the checkbox tag helper the
// attempted text, which it converts to bool and throws on; the refusal stays, the raw value is dropped.
public sealed class StorableTextBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = context.Metadata.ModelType;
        if (type != typeof(string) && type != typeof(bool) && type != typeof(bool?) || context.BindingInfo.BinderType is not null) return null;
        // Values from the query, the form and the route only; headers, services and bodies keep their own binders.
        var source = context.BindingInfo.BindingSource;
        if (source is not null && source != BindingSource.Query && source != BindingSource.Form && source != BindingSource.Path
            && source != BindingSource.ModelBinding) return null;
        return new StorableTextBinder(new SimpleTypeModelBinder(type, context.Services.GetRequiredService<ILoggerFactory>()));
    }
}

public sealed class StorableTextBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        await inner.BindModelAsync(bindingContext);
        var key = bindingContext.ModelName;
        if (bindingContext.Result is { IsModelSet: true, Model: string text } && !StorableText.IsStorable(text))
        {
            var name = bindingContext.ModelMetadata.GetDisplayName();
            bindingContext.ModelState.TryAddModelError(key, $"{name} {StorableText.Refusal}");
            bindingContext.ModelState.SetModelValue(key, rawValue: null, attemptedValue: null);
            bindingContext.Result = ModelBindingResult.Failed();
        }
        else if (!bindingContext.Result.IsModelSet && bindingContext.ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0
                 && bindingContext.ModelMetadata.UnderlyingOrModelType == typeof(bool))
        {
            bindingContext.ModelState.SetModelValue(key, rawValue: null, attemptedValue: entry.AttemptedValue);
        }
    }
}
