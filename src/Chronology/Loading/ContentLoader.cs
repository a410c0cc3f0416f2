using Chronology.Diagnostics;
using Chronology.Model;

namespace Chronology.Loading;

/// <summary>content/ → <see cref="Evidence"/>, reporting every problem it meets rather than stopping at the first.</summary>
public static class ContentLoader
{
    public static Evidence Load(string contentRoot, DiagnosticBag diagnostics)
    {
        var site = LoadSite(contentRoot, diagnostics);
        var entries = LoadFolder(contentRoot, "entries", [".md"], diagnostics, EntryReader.Read);
        var sources = LoadFolder(contentRoot, "sources", [".yml", ".yaml"], diagnostics, SourceReader.Read);
        var organisations = LoadFolder(contentRoot, "organisations", [".yml", ".yaml"], diagnostics, OrganisationReader.Read);
        var snapshots = LoadFolder(contentRoot, "snapshots", [".txt"], diagnostics, SnapshotReader.Read);
        var reviewItems = LoadFolder(contentRoot, "review", [".yml", ".yaml"], diagnostics, ReviewReader.ReadItem);
        var responses = LoadFolder(contentRoot, "responses", [".yml", ".yaml"], diagnostics, ReviewReader.ReadResponse);
        var registers = LoadFolder(contentRoot, "registers", [".md"], diagnostics, RegisterReader.ReadRegister);
        var risks = LoadFolder(contentRoot, "risks", [".yml", ".yaml"], diagnostics, RegisterReader.ReadRisk);
        var matrices = LoadFolder(contentRoot, "matrices", [".yml", ".yaml"], diagnostics, RegisterReader.ReadMatrix);
        var documents = LoadFolder(contentRoot, "documents", [".md"], diagnostics, DocumentReader.ReadDocument);
        var people = LoadFolder(contentRoot, "people", [".yml", ".yaml"], diagnostics, DocumentReader.ReadPerson);

        var glossary = LoadGlossary(contentRoot, diagnostics);

        var ordered = entries.Order(ChronologyEntry.ChronologicalOrder).ToList();
        return new Evidence(site, ordered, sources, organisations)
        {
            Snapshots = snapshots.ToDictionary(s => s.SourceId, StringComparer.Ordinal),
            ReviewItems = [.. reviewItems.Order(ReviewItem.ReviewOrder)],
            Responses = [.. responses.OrderBy(r => r.Id, StringComparer.Ordinal)],
            Registers = registers,
            Risks = [.. risks.Order(Risk.RegisterOrder)],
            Matrices = matrices,
            Documents = documents,
            People = [.. people.OrderBy(p => p.Name, StringComparer.Ordinal)],
            Glossary = [.. glossary.OrderBy(t => t.Term, StringComparer.OrdinalIgnoreCase)],
        };
    }

    /// <summary>content/glossary.yml, where the site has one.</summary>
    private static IReadOnlyList<GlossaryTerm> LoadGlossary(string contentRoot, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(contentRoot, "glossary.yml");
        if (!File.Exists(path)) return [];
        var display = Display(contentRoot, "glossary.yml");
        if (!StaysInside(contentRoot, path, display, diagnostics)) return [];
        var text = ContentFile.ReadText(path, display, diagnostics);
        return text is null ? [] : GlossaryReader.Read(text, display, diagnostics);
    }

    private static SiteConfig LoadSite(string contentRoot, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(contentRoot, "site.yml");
        var display = Display(contentRoot, "site.yml");
        var fallback = new SiteConfig("Chronology", "", null, "en-GB");
        if (!File.Exists(path))
        {
            diagnostics.Error(DiagnosticCodes.MissingSiteConfig, display, 1, 1, "missing site.yml (title and description of the site)");
            return fallback;
        }
        if (!StaysInside(contentRoot, path, display, diagnostics)) return fallback;
        var text = ContentFile.ReadText(path, display, diagnostics);
        return (text is null ? null : SiteConfigReader.Read(text, display, diagnostics)) ?? fallback;
    }

    private static List<T> LoadFolder<T>(
        string contentRoot, string folder, string[] extensions, DiagnosticBag diagnostics,
        Func<string, string, string, DiagnosticBag, T?> read) where T : class
    {
        var directory = Path.Combine(contentRoot, folder);
        var items = new List<T>();
        if (!Directory.Exists(directory)) return items;
        if (!StaysInside(contentRoot, directory, Display(contentRoot, folder), diagnostics)) return items;

        var firstFileById = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(directory)
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var display = Display(contentRoot, folder + "/" + Path.GetFileName(path));
            var id = Path.GetFileNameWithoutExtension(path);
            if (!ContentIds.IsValid(id))
            {
                diagnostics.Error(DiagnosticCodes.InvalidId, display, 1, 1,
                    $"'{id}' is not a valid id: use lowercase letters, digits and single hyphens (the file name is the id)");
                continue;
            }
            if (firstFileById.TryGetValue(id, out var first))
            {
                diagnostics.Error(DiagnosticCodes.DuplicateId, display, 1, 1, $"duplicate id '{id}' (also defined by {first})");
                continue;
            }
            firstFileById.Add(id, display);
            if (!StaysInside(contentRoot, path, display, diagnostics)) continue;
            var text = ContentFile.ReadText(path, display, diagnostics);
            if (text is null) continue;
            var item = read(id, text, display, diagnostics);
            if (item is not null) items.Add(item);
        }
        return items;
    }

    /// <summary>
    /// The build reads nothing outside its content folder: a file or folder that is a symbolic link is followed only
    /// where it ends inside the content folder; one that leaves it is an error (CHR112) and is not read.
    /// </summary>
    internal static bool StaysInside(string contentRoot, string path, string display, DiagnosticBag diagnostics)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (info.LinkTarget is null) return true;
        var root = RealPath(contentRoot);
        var target = RealPath(path);
        if (target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return true;
        diagnostics.Error(DiagnosticCodes.OutsideContent, display, 1, 1,
            $"this is a link to {target}, outside the content folder; the build reads only files inside it (copy the file in instead)");
        return false;
    }

    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar);
        if (full.Length == 0) return ""; // the file system's root, which the separator then follows
        FileSystemInfo info = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full);
        try
        {
            var resolved = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
            if (resolved is not null) return Path.GetFullPath(resolved.FullName).TrimEnd(Path.DirectorySeparatorChar);
        }
        catch (IOException)
        {
            return full; // a link loop: treated as its own path, and then not a readable file
        }
        // A link further up (the content folder itself, or a folder above it) resolves through the parent.
        var parent = Path.GetDirectoryName(full);
        return parent is null ? full : RealPath(parent) + Path.DirectorySeparatorChar + Path.GetFileName(full);
    }

    private static string Display(string contentRoot, string relative) =>
        Path.Join(contentRoot, relative).Replace('\\', '/');
}
