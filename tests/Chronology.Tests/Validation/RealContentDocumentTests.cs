using Chronology.Cli;
using Chronology.Diagnostics;
using Chronology.Loading;
using Chronology.Model;
using Chronology.Validation;

namespace Chronology.Tests.Validation;

/// <summary>
/// The real content/: the FOI bundle's archived text marks where each of its documents begins, so a quotation
/// is checked against the document its locator cites, and every archived text is its seed with only marker
/// lines added.
/// </summary>
public sealed class RealContentDocumentTests : IDisposable
{
    private const string Bundle = "ahsn-foi-bundle-2021";
    private readonly string _copy = Path.Combine(Path.GetTempPath(), "chronology-real-copy-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_copy)) Directory.Delete(_copy, recursive: true);
    }

    [Fact]
    public void The_foi_bundle_marks_documents_1_2_and_2a_to_2d_where_the_seed_shows_each_beginning()
    {
        var snapshot = ContentLoader.Load(RepoPaths.Content, new DiagnosticBag()).Snapshots[Bundle];

        // Each marker stands before the first line of its document: Document 1's page heading, Document 2's
        // heading, the Q4 report extract's heading (2a), the checklist's first page (2b), the protocol's file name
        // (2c), and the note to chief officers' first line (2d; the extraction prints "Document 2d" after its first page).
        var starts = snapshot.DocumentStarts.ToDictionary(d => d.Document, d => snapshot.Text[d.Offset..].Split('\n')[0]);
        Assert.Equal(["1", "2", "2a", "2b", "2c", "2d"], snapshot.DocumentStarts.Select(d => d.Document));
        Assert.StartsWith(" Risks should be categorised within the following", starts["1"]);
        Assert.Equal(" Document 2 ", starts["2"]);
        Assert.Equal(" Extract from AHSN Network Q4 Report 2019- 20 ", starts["2a"]);
        Assert.Equal(" ESSENTIAL PREFERRED", starts["2b"]);
        Assert.Equal(" 2c. Equivalence Core Principles Protocol.pdf", starts["2c"]);
        Assert.StartsWith("  To: AHSN Managing Directors", starts["2d"]);
        Assert.Equal(0, snapshot.DocumentStarts[0].Offset);
    }

    [Fact]
    public void A_document_1_quote_respelt_as_document_2_prints_it_fails_and_the_original_passes()
    {
        var evidence = ContentLoader.Load(RepoPaths.Content, new DiagnosticBag());
        var snapshot = evidence.Snapshots[Bundle];
        var text = NormalisedText.Of(snapshot.Text);
        var (quotation, original) = Assert.Single(evidence.AllCitations(), c => c.Citation.Quote?.Contains("volutarily", StringComparison.Ordinal) == true);
        Assert.Equal((new QuotationOwner(QuotationOwnerKind.Risk, "2020-od-data-portal-gdpr"), "document 1"), (quotation.Owner, original.Locator?.ToString()));

        var passes = QuoteVerifier.Check(original, snapshot, text, checkPage: true);
        var respelt = QuoteVerifier.Check(original with { Quote = original.Quote!.Replace("volutarily", "voluntarily", StringComparison.Ordinal) }, snapshot, text, checkPage: true);

        Assert.Equal((QuoteOutcome.Verified, "1"), (passes.Outcome, passes.FoundInDocument));
        Assert.Equal((QuoteOutcome.WrongDocument, "2", "1"), (respelt.Outcome, respelt.FoundInDocument, respelt.CitedDocument?.Id));
    }

    [Fact]
    public void The_respelt_quote_fails_the_build_with_chr324_at_its_line()
    {
        CopyDirectory(RepoPaths.Content, _copy);
        var risk = Path.Combine(_copy, "risks", "2020-od-data-portal-gdpr.yml");
        File.WriteAllText(risk, File.ReadAllText(risk).Replace("can volutarily purchase", "can voluntarily purchase", StringComparison.Ordinal));
        var diagnostics = new DiagnosticBag();

        SiteBuild.Check(_copy, diagnostics);

        var error = Assert.Single(diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Equal((DiagnosticCodes.QuoteWrongDocument, 15), (error.Code, error.Line));
        Assert.EndsWith("risks/2020-od-data-portal-gdpr.yml", error.File.Replace('\\', '/'));
        Assert.Equal($"the quote is in the archived text of '{Bundle}' in document 2, not in the cited document 1", error.Message);
    }

    /// <summary>
    /// SHA-256 of each seed document (../shared/seeds), recorded when the snapshots were made. The snapshot side of
    /// the check needs no seeds, so it runs on any checkout; where the seeds are present they are checked too.
    /// </summary>
    private static readonly Dictionary<string, string> SeedHashes = new()
    {
        ["000_6609a9fb021d3e5d.txt"] = "888a3c8dae8e89a60865f9ad81942114840f9d77f9224dcf194d1ef4f3a2066f",
        ["001_1ba53d844ed4347b.txt"] = "3659ea48733b693ab218aa3286dcca1c1eefc09a7f81af3b5d10b8a5f4a10931",
        ["002_4854df8ebde58c3d.txt"] = "dd35451264d6464954edb81ba5f82f4a72b00ea8efe4974e7b350a9194185a2b",
        ["003_ce6cd1fe0c2a3af8.txt"] = "52bae44e7c2d515805ba85e566134304ca22d6aa939396299e0a6a4211487bfb",
        ["004_510c0ef47d0f31d1.txt"] = "7c4457ad8d6168b13cf4463bc9d4f5e6b421de015bad29a0d9f0f02774121f6f",
    };

    /// <summary>Which seed document each archived text was made from.</summary>
    private static readonly Dictionary<string, string> SeedOf = new()
    {
        ["ahsn-foi-bundle-2021"] = "000_6609a9fb021d3e5d.txt",
        ["ahsn-network-commentary-2023"] = "001_1ba53d844ed4347b.txt",
        ["hin-resources-page"] = "002_4854df8ebde58c3d.txt",
        ["turner-discussion-post-2021"] = "003_ce6cd1fe0c2a3af8.txt",
        ["sim-london-implementation-report-2018"] = "004_510c0ef47d0f31d1.txt",
    };

    [Fact]
    public void Every_archived_text_is_its_seed_unchanged_but_for_marker_lines()
    {
        var evidence = ContentLoader.Load(RepoPaths.Content, new DiagnosticBag());

        Assert.Equal(SeedOf.Keys.Order(), evidence.Snapshots.Keys.Order());
        foreach (var (sourceId, seed) in SeedOf)
        {
            var lines = File.ReadAllText(Path.Combine(RepoPaths.Content, "snapshots", sourceId + ".txt")).Split('\n');
            var body = string.Join('\n', lines[(Array.IndexOf(lines, "---", 1) + 1)..].Where(l => !IsMarker(l)));
            Assert.True(Sha256(body) == SeedHashes[seed], $"{sourceId}: the archived text differs from its seed {seed} other than by marker lines");
        }
        if (Directory.Exists(RepoPaths.Seeds))
        {
            foreach (var (seed, hash) in SeedHashes)
                Assert.True(Sha256(File.ReadAllText(Path.Combine(RepoPaths.Seeds, seed))) == hash, $"the seed {seed} is not the one the snapshots were made from");
        }
    }

    private static string Sha256(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    private static bool IsMarker(string line) =>
        System.Text.RegularExpressions.Regex.IsMatch(line, @"^\[(page [1-9]\d*|document " + Locator.Numbering + @")\]$");

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }
}
