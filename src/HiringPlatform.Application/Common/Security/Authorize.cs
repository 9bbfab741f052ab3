namespace HiringPlatform.Application.Common.Security;

// Declares who may send a request; AuthorizationBehaviour checks it before validation and the handler.
// Several attributes: all must pass. Roles in one attribute: any of them.
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class AuthorizeAttribute : Attribute
{
    public string Roles { get; set; } = "";
}

// Marks a request anyone may send (the public careers site). Requests without either attribute are refused,
// so a forgotten attribute fails closed.
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class AllowAnonymousAttribute : Attribute;
