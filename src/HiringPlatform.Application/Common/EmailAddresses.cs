using FluentValidation;
using MimeKit;

namespace HiringPlatform.Application.Common;

// The one email rule of every form that takes an address (apply, candidates, users, password reset). An address
// ends up in a MIME header, so it must parse as a bare RFC 5322 mailbox (MimeKit, the library that sends it) and
// may carry no CR/LF or other control character (header injection) and no whitespace. Empty is left to NotEmpty.
public static class EmailAddresses
{
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return true;
        var address = value.Trim();
        if (!StorableText.IsStorable(address) || address.Any(ch => char.IsControl(ch) || char.IsWhiteSpace(ch))) return false;
        if (!MailboxAddress.TryParse(ParserOptions.Default, address, out var mailbox)) return false;
        if (!string.IsNullOrEmpty(mailbox.Name) || mailbox.Route.Count > 0 || !string.Equals(mailbox.Address, address, StringComparison.Ordinal))
            return false;
        var at = address.LastIndexOf('@');
        return at > 0 && at < address.Length - 1;
    }

    public static IRuleBuilderOptions<T, TProperty> MustBeEmailAddress<T, TProperty>(this IRuleBuilder<T, TProperty> rule) =>
        rule.Must(value => IsValid(value as string));
}
