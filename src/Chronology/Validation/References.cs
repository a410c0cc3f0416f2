using Chronology.Diagnostics;
using Chronology.Model;

namespace Chronology.Validation;

/// <summary>The one message for a reference to another content file that does not resolve.</summary>
public static class References
{
    /// <summary>
    /// Why <paramref name="id"/> is not among the loaded items of <paramref name="folder"/>, as the end of a message:
    /// its file could not be read, or there is none (with the closest id there is).
    /// </summary>
    public static string WhyUnknown(Evidence evidence, string folder, string id, string extension, IEnumerable<string> known)
    {
        if (evidence.Unreadable.Contains(folder + "/" + id))
            return $"{evidence.ContentRoot}/{folder}/{id}{extension} could not be read (its errors are reported at that file)";
        var close = Suggestions.CloseIds(id, known);
        return $"no {evidence.ContentRoot}/{folder}/{id}{extension}" + (close.Count > 0 ? $"; did you mean '{close[0]}'?" : "");
    }
}
