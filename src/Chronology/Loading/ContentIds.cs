using System.Text.RegularExpressions;

namespace Chronology.Loading;

internal static partial class ContentIds
{
    [GeneratedRegex(@"\A[a-z0-9]+(-[a-z0-9]+)*\z")]
    private static partial Regex IdPattern();

    public static bool IsValid(string id) => IdPattern().IsMatch(id);
}
