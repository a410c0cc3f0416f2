using Chronology.Diagnostics;
using Chronology.Model;

namespace Chronology.Loading;

/// <summary>content/ → <see cref="Evidence"/>, reporting every problem it meets rather than stopping at the first.</summary>
public static class ContentLoader
{
    /// <summary>
    /// What the content folder may hold: each folder the build reads, with the file extensions it reads there. Files
    /// at the top: site.yml, glossary.yml and link-status.json. Anything else is reported (CHR113), never silently lost.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Folders = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["entries"] = [".md"],
        ["sources"] = [".yml", ".yaml"],
        ["organisations"] = [".yml", ".yaml"],
        ["snapshots"] = [".txt"],
        ["review"] = [".yml", ".yaml"],
        ["responses"] = [".yml", ".yaml"],
        ["registers"] = [".md"],
        ["risks"] = [".yml", ".yaml"],
        ["matrices"] = [".yml", ".yaml"],
        ["documents"] = [".md"],
        ["people"] = [".yml", ".yaml"],
        ["pages"] = [".md"],
    };

    /// <summary>The folder copied to the site as it is (any files, any depth).</summary>
    public const string AssetsFolder = "assets";

    public static readonly IReadOnlyList<string> TopLevelFiles = ["site.yml", "glossary.yml", "changes.yml", "link-status.json"];

    /// <param name="cache">
    /// Files read by an earlier load (the preview server keeps one): a file whose text and vocabulary are unchanged
    /// is not parsed again; what it gave, diagnostics included, is reused.
    /// </param>
    public static Evidence Load(string contentRoot, DiagnosticBag diagnostics, ContentCache? cache = null)
    {
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        var site = LoadSite(contentRoot, diagnostics);
        var vocabulary = ContentVocabulary.Of(site);
        var words = string.Join('\n', vocabulary.SourceTypes) + "\n\n" + string.Join('\n', vocabulary.LocatorKinds);
        List<T> LoadFolder<T>(string folder, Func<string, string, string, DiagnosticBag, T?> read) where T : class =>
            ContentLoader.LoadFolder(contentRoot, folder, Folders[folder], diagnostics, read, unreadable, cache, words);

        var entries = LoadFolder("entries", (id, text, file, d) => EntryReader.Read(id, text, file, d, vocabulary));
        var sources = LoadFolder("sources", (id, text, file, d) => SourceReader.Read(id, text, file, d, vocabulary));
        var organisations = LoadFolder("organisations", OrganisationReader.Read);
        var snapshots = LoadFolder("snapshots", SnapshotReader.Read);
        var reviewItems = LoadFolder("review", (id, text, file, d) => ReviewReader.ReadItem(id, text, file, d, vocabulary));
        var responses = LoadFolder("responses", (id, text, file, d) => ReviewReader.ReadResponse(id, text, file, d, vocabulary));
        var registers = LoadFolder("registers", (id, text, file, d) => RegisterReader.ReadRegister(id, text, file, d, vocabulary));
        var risks = LoadFolder("risks", RegisterReader.ReadRisk);
        var matrices = LoadFolder("matrices", (id, text, file, d) => RegisterReader.ReadMatrix(id, text, file, d, vocabulary));
        var documents = LoadFolder("documents", (id, text, file, d) => DocumentReader.ReadDocument(id, text, file, d, vocabulary));
        var people = LoadFolder("people", (id, text, file, d) => DocumentReader.ReadPerson(id, text, file, d, vocabulary));

        var pages = LoadFolder("pages", FreePageReader.Read);
        var glossary = LoadListFile(contentRoot, "glossary.yml", GlossaryReader.Read, diagnostics);
        var changeNotes = LoadListFile(contentRoot, "changes.yml", ChangeNotesReader.Read, diagnostics);
        var assets = LoadAssets(contentRoot, diagnostics);
        ReportUnread(contentRoot, diagnostics);

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
            Pages = [.. pages.OrderBy(p => p.Nav ?? int.MaxValue).ThenBy(p => p.Id, StringComparer.Ordinal)],
            Assets = assets,
            ChangeNotes = changeNotes,
            ContentRoot = Path.TrimEndingDirectorySeparator(contentRoot).Replace('\\', '/'),
            Unreadable = unreadable,
        };
    }

    /// <summary>content/assets/, every file at any depth, in a stable order.</summary>
    private static IReadOnlyList<ContentAsset> LoadAssets(string contentRoot, DiagnosticBag diagnostics)
    {
        var directory = Path.Combine(contentRoot, AssetsFolder);
        if (!Directory.Exists(directory) || !StaysInside(contentRoot, directory, Display(contentRoot, AssetsFolder), diagnostics)) return [];
        var assets = new List<ContentAsset>();
        foreach (var path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
            if (relative.Split('/').Any(part => part.StartsWith('.'))) continue; // .DS_Store, .gitkeep
            if (!StaysInside(contentRoot, path, Display(contentRoot, AssetsFolder + "/" + relative), diagnostics)) continue;
            assets.Add(new ContentAsset(relative, path));
        }
        return assets;
    }

    /// <summary>
    /// Every file and folder the build would not read, reported (CHR113) so that nothing is lost without a word: a
    /// misnamed folder (entry/), an unknown one, or a file with an extension its folder does not read. Names starting
    /// with a dot (.gitkeep, .DS_Store) are left alone.
    /// </summary>
    private static void ReportUnread(string contentRoot, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(contentRoot)) return;
        void Unread(string relative, string why) =>
            diagnostics.Warning(DiagnosticCodes.UnreadFile, Display(contentRoot, relative), 1, 1, $"not read by the build: {why}");

        foreach (var path in Directory.EnumerateFileSystemEntries(contentRoot).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('.')) continue;
            if (Directory.Exists(path))
            {
                if (name == AssetsFolder) continue;
                if (!Folders.TryGetValue(name, out var extensions))
                {
                    var close = Suggestions.Closest(name, Folders.Keys.Append(AssetsFolder), maxDistance: 3);
                    Unread(name + "/", (close is null ? "the build reads only " : $"did you mean '{close}/'? The build reads only ")
                        + string.Join(", ", Folders.Keys.Append(AssetsFolder).Order(StringComparer.Ordinal).Select(f => f + "/")));
                    continue;
                }
                foreach (var inner in Directory.EnumerateFileSystemEntries(path).Order(StringComparer.Ordinal))
                {
                    var innerName = Path.GetFileName(inner);
                    if (innerName.StartsWith('.')) continue;
                    if (Directory.Exists(inner))
                        Unread($"{name}/{innerName}/", $"{name}/ holds files, not folders");
                    else if (!extensions.Contains(Path.GetExtension(inner), StringComparer.Ordinal))
                        Unread($"{name}/{innerName}", $"{name}/ reads only {string.Join(" and ", extensions.Select(e => e + " files"))}");
                }
            }
            else if (!TopLevelFiles.Contains(name))
            {
                Unread(name, $"at the top of the content folder the build reads only {string.Join(", ", TopLevelFiles)}");
            }
        }
    }

    /// <summary>
    /// A list the site may keep in one file at the top of its content folder (glossary.yml, changes.yml): empty if the
    /// file is not there, or cannot be read (its errors reported).
    /// </summary>
    private static IReadOnlyList<T> LoadListFile<T>(string contentRoot, string name, Func<string, string, DiagnosticBag, IReadOnlyList<T>> read, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(contentRoot, name);
        if (!File.Exists(path)) return [];
        var display = Display(contentRoot, name);
        if (!StaysInside(contentRoot, path, display, diagnostics)) return [];
        var text = ContentFile.ReadText(path, display, diagnostics);
        return text is null ? [] : read(text, display, diagnostics);
    }

    private static SiteConfig LoadSite(string contentRoot, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(contentRoot, "site.yml");
        var display = Display(contentRoot, "site.yml");
        var fallback = new SiteConfig("Chronology", "", null, "en-GB") { Unread = true };
        if (!File.Exists(path))
        {
            diagnostics.Error(DiagnosticCodes.MissingSiteConfig, display, 1, 1, "missing site.yml (title and description of the site)");
            return fallback;
        }
        if (!StaysInside(contentRoot, path, display, diagnostics)) return fallback;
        var text = ContentFile.ReadText(path, display, diagnostics);
        return (text is null ? null : SiteConfigReader.Read(text, display, diagnostics)) ?? fallback;
    }

    /// <summary>
    /// Every file of a folder, in name order. Ids are checked first, in order (the first file with an id wins);
    /// the files are then read and parsed on every core, each into its own diagnostics, which are added in file order,
    /// so the result is the same as reading them one by one.
    /// </summary>
    private static List<T> LoadFolder<T>(
        string contentRoot, string folder, string[] extensions, DiagnosticBag diagnostics,
        Func<string, string, string, DiagnosticBag, T?> read, HashSet<string> unreadable, ContentCache? cache, string vocabulary) where T : class
    {
        var directory = Path.Combine(contentRoot, folder);
        var items = new List<T>();
        if (!Directory.Exists(directory)) return items;
        if (!StaysInside(contentRoot, directory, Display(contentRoot, folder), diagnostics)) return items;

        var firstFileById = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(directory)
            .Where(f => extensions.Contains(Path.GetExtension(f), StringComparer.Ordinal))
            .Order(StringComparer.Ordinal);
        var accepted = new List<(string Path, string Display, string Id)>();
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
            accepted.Add((path, display, id));
        }

        var results = new (T? Item, DiagnosticBag Diagnostics)[accepted.Count];
        Parallel.For(0, accepted.Count, i =>
        {
            var (path, display, id) = accepted[i];
            var own = new DiagnosticBag { WarningsAsErrors = diagnostics.WarningsAsErrors };
            var info = new FileInfo(path);
            if (!StaysInside(contentRoot, info, path, display, own))
            {
                results[i] = (null, own);
                return;
            }
            // The time and the file's stamp are taken before it is read, so a change during the read is never missed.
            var readAt = DateTime.UtcNow;
            var stamp = cache is null ? null : ContentCache.FileStamp.Of(info);
            if (stamp is { } unchangedStamp && cache!.Find(display, unchangedStamp, vocabulary) is { } unchanged)
            {
                own.AddRange(unchanged.Reading);
                own.AddRange(unchanged.Diagnostics);
                results[i] = ((T?)unchanged.Item, own);
                return;
            }
            var text = ContentFile.ReadText(path, display, own);
            IReadOnlyList<Diagnostic> reading = [.. own.Items];
            if (text is not null && cache?.Find(display, text, vocabulary, stamp, readAt, reading) is { } known)
            {
                own.AddRange(known.Diagnostics);
                results[i] = ((T?)known.Item, own);
                return;
            }
            var item = text is null ? null : read(id, text, display, own);
            if (text is not null) cache?.Keep(display, text, vocabulary, item, reading, [.. own.Items.Skip(reading.Count)], stamp, readAt);
            results[i] = (item, own);
        });
        for (var i = 0; i < accepted.Count; i++)
        {
            diagnostics.AddRange(results[i].Diagnostics.Items);
            if (results[i].Item is { } item) items.Add(item);
            else unreadable.Add(folder + "/" + accepted[i].Id); // so that a reference to it says "could not be read", not "missing"
        }
        return items;
    }

    /// <summary>
    /// The build reads nothing outside its content folder: a file or folder that is a symbolic link is followed only
    /// where it ends inside the content folder; one that leaves it is an error (CHR112) and is not read.
    /// </summary>
    internal static bool StaysInside(string contentRoot, string path, string display, DiagnosticBag diagnostics) =>
        StaysInside(contentRoot, Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path), path, display, diagnostics);

    /// <summary>The same, for a file or folder already looked at (its attributes say whether it is a link: no more calls if not).</summary>
    internal static bool StaysInside(string contentRoot, FileSystemInfo info, string path, string display, DiagnosticBag diagnostics)
    {
        if (info.Exists && !info.Attributes.HasFlag(FileAttributes.ReparsePoint)) return true;
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
