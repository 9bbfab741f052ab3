using System.Runtime.CompilerServices;
using System.Text;

namespace HiringPlatform.Application.Features.Candidates.Shared;

// Builds parameterised SQL for db.Database.SqlQuery when the shape depends on the filters in use: the text is
// assembled from constant fragments only, and every value goes in as a parameter ({0}, {1}...). Leaving out an unused
// filter (rather than "x IS NULL OR ...") keeps each plan as tight as the indexes allow.
internal sealed class SqlBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<object> _args = [];

    public SqlBuilder Add(string text)
    {
        _text.Append(text).Append('\n');
        return this;
    }

    // Returns the placeholder for a value; null is not allowed (an untyped null parameter has no PostgreSQL type).
    public string P(object value)
    {
        _args.Add(value);
        return "{" + (_args.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";
    }

    public FormattableString Build() => FormattableStringFactory.Create(_text.ToString(), _args.ToArray());

    public override string ToString() => _text.ToString();

}
