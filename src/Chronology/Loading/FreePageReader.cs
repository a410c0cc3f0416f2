using Chronology.Diagnostics;
using Chronology.Model;

namespace Chronology.Loading;

internal static class FreePageReader
{
    // The allowed keys are internal so that SchemaTests can hold docs/schemas/ to them: change both together.
    internal static readonly string[] Keys = ["title", "description", "nav"];

    public static FreePage? Read(string id, string text, string file, DiagnosticBag diagnostics)
    {
        if (FrontMatter.Read(text, file, diagnostics,
                "a page must start with a line '---', its YAML fields (title, and optionally description and nav), and a closing line '---'") is not ({ } frontMatter, { } mapping)) return null;

        var fields = new FieldReader(mapping, file, diagnostics, Keys);
        var title = fields.Text("title", required: true);
        var description = fields.Text("description");
        var nav = fields.Integer("nav", 1, 99);
        if (frontMatter.Body.Trim().Length == 0)
            diagnostics.Error(DiagnosticCodes.MissingField, file, frontMatter.BodyLine, 1, "the page has no text after its front matter");
        if (title is null) return null;
        return new FreePage(id, title, description, nav, frontMatter.Body, fields.Location) { BodyLine = frontMatter.BodyLine };
    }
}
