using Chronology.Diagnostics;
using Chronology.Model;

namespace Chronology.Loading;

internal static class OrganisationReader
{
    // The allowed keys are internal so that SchemaTests can hold docs/schemas/ to them: change both together.
    internal static readonly string[] Keys = ["name", "shortName", "aliases", "description"];

    public static Organisation? Read(string id, string text, string file, DiagnosticBag diagnostics)
    {
        if (FieldReader.OfYamlFile(text, file, diagnostics, Keys) is not { } fields) return null;
        var name = fields.Text("name", required: true);
        var shortName = fields.Text("shortName");
        var aliases = fields.TextList("aliases");
        var description = fields.Text("description", required: true);
        // Still read when its name or description could not be (the error is reported there), so that the entries and
        // sources that name it are not each reported as naming an unknown organisation; SiteModel refuses it.
        return new Organisation(id, name ?? "", shortName, [.. aliases.Select(a => a.Value)], description ?? "", fields.Location)
        {
            Unread = name is null || description is null,
        };
    }
}
