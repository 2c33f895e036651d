using ApprovalCenter.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ApprovalCenter.Web.Hosting;

/// <summary>Form values that do not fit their field (“x” for a yes/no box, letters for a number)
/// are reported in the form's error summary in Chinese (English under the switch), naming the
/// field by its label, instead of the framework's English.</summary>
public static class ModelBindingMessages
{
    private static readonly Microsoft.Extensions.Localization.IStringLocalizer L = new JsonStringLocalizerFactory().Create(typeof(SharedResource));

    private static string V(string value) => InputText.Printable(value, 40);

    public static void Configure(MvcOptions o)
    {
        var m = o.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, field) => L["“{0}”的值“{1}”无效。", L[field], V(value)]);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => L["值“{0}”无效。", V(value)]);
        m.SetUnknownValueIsInvalidAccessor(field => L["“{0}”的值无效。", L[field]]);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => L["提交的值无效。"]);
        m.SetValueIsInvalidAccessor(value => L["值“{0}”无效。", V(value)]);
        m.SetValueMustBeANumberAccessor(field => L["“{0}”必须是数字。", L[field]]);
        m.SetNonPropertyValueMustBeANumberAccessor(() => L["必须是数字。"]);
        m.SetValueMustNotBeNullAccessor(value => L["值“{0}”无效：不能为空。", V(value)]);
        m.SetMissingBindRequiredValueAccessor(field => L["缺少“{0}”。", L[field]]);
        m.SetMissingKeyOrValueAccessor(() => L["缺少值。"]);
        m.SetMissingRequestBodyRequiredValueAccessor(() => L["请求缺少正文。"]);
        o.ModelBinderProviders.Insert(0, new YesNoBinderProvider());
    }

    /// <summary>A yes/no field with a value that is neither: the error is recorded, and the value
    /// is forgotten, because the checkbox tag helper cannot render “x” and would fail the page.</summary>
    private sealed class YesNoBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var result = context.ValueProvider.GetValue(context.ModelName);
            if (result == ValueProviderResult.None) return Task.CompletedTask;
            var first = result.FirstValue;
            if (string.IsNullOrEmpty(first))
            {
                if (context.ModelType == typeof(bool?)) context.Result = ModelBindingResult.Success(null);
                return Task.CompletedTask;
            }
            if (bool.TryParse(first, out var value))
            {
                context.ModelState.SetModelValue(context.ModelName, result);
                context.Result = ModelBindingResult.Success(value);
                return Task.CompletedTask;
            }
            context.ModelState.SetModelValue(context.ModelName, rawValue: null, attemptedValue: null);
            var field = context.ModelMetadata.DisplayName ?? context.ModelMetadata.Name ?? context.ModelName;
            context.ModelState.TryAddModelError(context.ModelName,
                context.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(first, field));
            context.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }
    }

    private sealed class YesNoBinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            (context.Metadata.ModelType == typeof(bool) || context.Metadata.ModelType == typeof(bool?))
            && context.BindingInfo.BindingSource != BindingSource.Body ? new YesNoBinder() : null;
    }
}
