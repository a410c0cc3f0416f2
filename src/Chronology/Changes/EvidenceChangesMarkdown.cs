using System.Text;
using Chronology.Validation;

namespace Chronology.Changes;

/// <summary>
/// The changes as GitHub-flavoured Markdown, for a pull request's job summary: removed words <c>~~struck~~</c>, added
/// words <c>**bold**</c>, dates in EDTF and as the site shows them.
/// </summary>
public static class EvidenceChangesMarkdown
{
    public const string NoChange = "No change to the evidence.";

    /// <summary>The most characters of a quotation shown where it is listed rather than diffed.</summary>
    private const int MaxQuote = 200;

    public static string ToMarkdown(EvidenceChanges changes)
    {
        var md = new StringBuilder();
        md.Append("## Evidence changes");
        if (changes is { Base: { } from, Head: { } to }) md.Append(": ").Append(Describe(from)).Append(" → ").Append(Describe(to));
        md.Append("\n\n");
        if (changes.BaseErrors > 0 || changes.HeadErrors > 0)
        {
            md.Append("> **Errors:** the base has ").Append(Count(changes.BaseErrors, "error")).Append(", the head ")
                .Append(Count(changes.HeadErrors, "error")).Append("; what loaded is compared. Run `check` for the details.\n\n");
        }
        if (changes.IsEmpty)
        {
            md.Append(NoChange).Append('\n');
            return md.ToString();
        }
        md.Append(Summary(changes)).Append("\n\n");

        Section(md, "Entries added", changes.EntriesAdded, (md, e) =>
        {
            md.Append("- ").Append(Entry(e.Id, e.Title)).Append(" · ").Append(Date(e.Date)).Append('\n');
            foreach (var citation in e.Citations) md.Append("  - Cites ").Append(Citation(citation)).Append('\n');
        });
        Section(md, "Entries removed", changes.EntriesRemoved, (md, e) =>
            md.Append("- ").Append(Entry(e.Id, e.Title)).Append(" · ").Append(Date(e.Date)).Append('\n'));
        Section(md, "Entries changed", changes.EntriesChanged, EntryChange);
        Section(md, "Sources added", changes.SourcesAdded, (md, s) => md.Append("- ").Append(Source(s)).Append('\n'));
        Section(md, "Sources removed", changes.SourcesRemoved, (md, s) => md.Append("- ").Append(Source(s)).Append('\n'));
        Section(md, "Sources changed", changes.SourcesChanged, SourceChange);
        Section(md, "Quote checks changed", changes.QuoteChecksChanged, (md, q) =>
            md.Append("- `").Append(q.Owner).Append("` (").Append(Cited(q.Source, q.Locator)).Append("): ")
                .Append(Outcome(q.Before)).Append(" → **").Append(Outcome(q.After)).Append("**: ").Append(Quote(q.Quote)).Append('\n'));
        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static void EntryChange(StringBuilder md, EntryChange e)
    {
        md.Append("#### ").Append(Entry(e.Id, e.Heading)).Append("\n\n");
        if (e.Date is { } date) md.Append("- Date: ").Append(Date(date.Before)).Append(" → ").Append(Date(date.After)).Append('\n');
        if (e.Label is { } label) md.Append("- Label: ").Append(Text(label.Before)).Append(" → ").Append(Text(label.After)).Append('\n');
        if (e.Title is { } title) md.Append("- Title: ").Append(Text(title.Before)).Append(" → ").Append(Text(title.After)).Append('\n');
        if (e.Annex is { } annex) md.Append("- Annex 1 item: ").Append(annex.Before ?? "(none)").Append(" → ").Append(annex.After ?? "(none)").Append('\n');
        if (e.Organisations is { } organisations) md.Append("- Organisations: ").Append(List(organisations)).Append('\n');
        if (e.Tags is { } tags) md.Append("- Tags: ").Append(List(tags)).Append('\n');
        if (e.Body is { } body)
        {
            md.Append("- Body changed: ").Append(body.StartsInside ? "… " : "").Append(Ops(body.Ops)).Append(body.EndsInside ? " …" : "").Append('\n');
        }
        foreach (var citation in e.CitationsAdded) md.Append("- Citation added: ").Append(Citation(citation)).Append('\n');
        foreach (var citation in e.CitationsRemoved) md.Append("- Citation removed: ").Append(Citation(citation)).Append('\n');
        foreach (var citation in e.CitationsChanged)
        {
            if (citation.LocatorChange is { } locator)
                md.Append("- Locator changed (`").Append(citation.Source).Append("`): ").Append(Locator(locator.Before)).Append(" → ").Append(Locator(locator.After)).Append('\n');
            if (citation.Quote is { } quote)
                md.Append("- Quotation changed (").Append(Cited(citation.Source, citation.Locator)).Append("): ").Append(Ops(quote.Ops)).Append('\n');
        }
        md.Append('\n');
    }

    private static void SourceChange(StringBuilder md, SourceChange s)
    {
        md.Append("#### `").Append(s.Id).Append("` · ").Append(Escape(s.Heading)).Append("\n\n");
        if (s.Title is { } title) md.Append("- Title: ").Append(Text(title.Before)).Append(" → ").Append(Text(title.After)).Append('\n');
        if (s.Publisher is { } publisher) md.Append("- Publisher: ").Append(Text(publisher.Before)).Append(" → ").Append(Text(publisher.After)).Append('\n');
        if (s.Date is { } date) md.Append("- Date: ").Append(Date(date.Before)).Append(" → ").Append(Date(date.After)).Append('\n');
        if (s.Url is { } url) md.Append("- URL: ").Append(Url(url.Before)).Append(" → ").Append(Url(url.After)).Append('\n');
        if (s.ArchivedText is { } archived) md.Append("- Archived text ").Append(archived).Append('\n');
        md.Append('\n');
    }

    private static void Section<T>(StringBuilder md, string heading, IReadOnlyList<T> items, Action<StringBuilder, T> write)
    {
        if (items.Count == 0) return;
        md.Append("### ").Append(heading).Append(" (").Append(items.Count).Append(")\n\n");
        foreach (var item in items) write(md, item);
        if (md[^2] != '\n') md.Append('\n');
    }

    private static string Summary(EvidenceChanges c)
    {
        var parts = new List<string>();
        var entries = new List<string>();
        if (c.EntriesAdded.Count > 0) entries.Add($"{c.EntriesAdded.Count} added");
        if (c.EntriesRemoved.Count > 0) entries.Add($"{c.EntriesRemoved.Count} removed");
        if (c.EntriesChanged.Count > 0) entries.Add($"{c.EntriesChanged.Count} changed");
        if (entries.Count > 0) parts.Add("Entries: " + string.Join(", ", entries));
        var sources = new List<string>();
        if (c.SourcesAdded.Count > 0) sources.Add($"{c.SourcesAdded.Count} added");
        if (c.SourcesRemoved.Count > 0) sources.Add($"{c.SourcesRemoved.Count} removed");
        if (c.SourcesChanged.Count > 0) sources.Add($"{c.SourcesChanged.Count} changed");
        if (sources.Count > 0) parts.Add("sources: " + string.Join(", ", sources));
        if (c.QuoteChecksChanged.Count > 0) parts.Add($"quote checks changed: {c.QuoteChecksChanged.Count}");
        var text = string.Join("; ", parts) + ".";
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string Describe(Revision revision) =>
        revision.Commit is { } commit ? $"`{revision.Name}` (`{commit[..Math.Min(12, commit.Length)]}`)" : revision.Name;

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Entry(string id, string title) => $"`{id}` · {Escape(title)}";

    private static string Date(DateValue? date) =>
        date is null ? "(none)" : date.Edtf == date.Display ? $"`{date.Edtf}`" : $"`{date.Edtf}` ({Escape(date.Display)})";

    private static string Text(string? text) => text is null ? "(none)" : "“" + Escape(WordDiffer.Collapse(text)) + "”";

    private static string Locator(string? locator) => locator is null ? "(none)" : Escape(locator);

    private static string Url(string? url) =>
        url is null ? "(none)" : url.Any(c => c is ' ' or '<' or '>' or '`') ? Escape(url) : $"<{url}>";

    private static string List(ListChange change)
    {
        var parts = new List<string>();
        if (change.Added.Count > 0) parts.Add("added " + string.Join(", ", change.Added.Select(a => $"`{a}`")));
        if (change.Removed.Count > 0) parts.Add("removed " + string.Join(", ", change.Removed.Select(r => $"`{r}`")));
        return string.Join("; ", parts);
    }

    private static string Cited(string source, string? locator) => locator is null ? $"`{source}`" : $"`{source}`, {Escape(locator)}";

    private static string Citation(CitationSummary c)
    {
        var text = Cited(c.Source, c.Locator);
        if (c.Quote is { } quote) text += ": " + Quote(quote);
        if (c.Check is { } check) text += " (" + Outcome(check) + ")";
        return text;
    }

    private static string Source(SourceSummary s)
    {
        var text = $"`{s.Id}` · {Escape(s.Title)}";
        if (s.Publisher is { } publisher) text += " · " + Escape(publisher);
        if (s.Date is { } date) text += " · " + Date(date);
        if (s.Url is { } url) text += " · " + Url(url);
        return text;
    }

    private static string Quote(string quote) =>
        "“" + Escape(quote.Length <= MaxQuote ? quote : quote[..MaxQuote].TrimEnd() + "…") + "”";

    public static string Outcome(QuoteOutcome outcome) => outcome switch
    {
        QuoteOutcome.Verified => "verified",
        QuoteOutcome.VerifiedAsQuoted => "verified as quoted",
        QuoteOutcome.NotFound => "not found",
        QuoteOutcome.WrongPage => "on another page",
        QuoteOutcome.WrongDocument => "in another document",
        QuoteOutcome.Unverifiable => "unverifiable",
        _ => outcome.ToString(),
    };

    /// <summary>A word diff: removed words struck through, added words in bold, runs of each together.</summary>
    public static string Ops(IEnumerable<WordOp> ops) => string.Join(' ', ops.Select(o => o.Op switch
    {
        WordOpKind.Delete => "~~" + Escape(o.Text) + "~~",
        WordOpKind.Insert => "**" + Escape(o.Text) + "**",
        _ => Escape(o.Text),
    }));

    /// <summary>Text with the characters Markdown would read as markup escaped.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '~' or '[' or ']' or '<' or '>' or '|' or '#') escaped.Append('\\');
            escaped.Append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return escaped.ToString();
    }
}
