using System.Reflection;
using NetArchTest.Rules;

namespace Chronology.Tests.Architecture;

/// <summary>
/// The layers reach one way. From the bottom: Model (records), Diagnostics, Markdown, then Loading (files to
/// model: the only reader of content and git), Links (the link-status file and the checker), Validation
/// (checks: functions of loaded content), Changes (the evidence diff), Site (the site model, URLs and exports), Publishing
/// (the one writer), the theme (site model to HTML, writing nothing) and the command line, where SiteBuild lists
/// every step. A test per rule, so a wrong-way reference names the rule it breaks.
/// </summary>
public class LayerTests
{
    private static readonly Assembly Library = typeof(Chronology.Model.Evidence).Assembly;
    private static readonly Assembly Theme = typeof(Chronology.Theme.SiteRenderer).Assembly;

    public static TheoryData<string, string[]> Rules => new()
    {
        // layer, the namespaces it must not use
        { "Chronology.Model", ["Chronology.Diagnostics", "Chronology.Loading", "Chronology.Validation", "Chronology.Site", "Chronology.Publishing", "Chronology.Links", "Chronology.Markdown", "Chronology.Changes"] },
        { "Chronology.Diagnostics", ["Chronology.Loading", "Chronology.Validation", "Chronology.Site", "Chronology.Publishing", "Chronology.Links", "Chronology.Markdown", "Chronology.Changes"] },
        { "Chronology.Markdown", ["Chronology.Loading", "Chronology.Validation", "Chronology.Site", "Chronology.Publishing", "Chronology.Links", "Chronology.Changes"] },
        { "Chronology.Loading", ["Chronology.Validation", "Chronology.Site", "Chronology.Publishing", "Chronology.Links", "Chronology.Changes"] },
        { "Chronology.Links", ["Chronology.Loading", "Chronology.Validation", "Chronology.Site", "Chronology.Publishing", "Chronology.Changes"] },
        { "Chronology.Validation", ["Chronology.Loading", "Chronology.Site", "Chronology.Publishing", "Chronology.Changes"] },
        { "Chronology.Changes", ["Chronology.Loading", "Chronology.Site", "Chronology.Publishing"] },
        { "Chronology.Site", ["Chronology.Loading", "Chronology.Publishing", "Chronology.Changes"] },
        { "Chronology.Publishing", ["Chronology.Loading", "Chronology.Validation", "Chronology.Site", "Chronology.Changes"] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_layer_of_the_library_uses_only_the_layers_below_it(string layer, string[] forbidden)
    {
        var result = Types.InAssembly(Library).That().ResideInNamespace(layer).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, $"{layer} reaches up: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_theme_renders_html_and_neither_reads_content_nor_writes_files()
    {
        var result = Types.InAssembly(Theme).ShouldNot()
            .HaveDependencyOnAny("Chronology.Loading", "Chronology.Publishing", "Chronology.Changes", "Chronology.Cli", "System.IO.File", "System.IO.Directory")
            .GetResult();

        Assert.True(result.IsSuccessful, $"the theme reaches out: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Only_loading_runs_git_and_only_the_command_line_and_links_use_the_network()
    {
        var git = Types.InAssembly(Library).That().DoNotResideInNamespace("Chronology.Loading")
            .ShouldNot().HaveDependencyOn("System.Diagnostics.Process").GetResult();
        var network = Types.InAssembly(Library).That().DoNotResideInNamespace("Chronology.Links")
            .ShouldNot().HaveDependencyOn("System.Net.Http").GetResult();

        Assert.True(git.IsSuccessful, $"outside Loading, these start processes: {string.Join(", ", git.FailingTypeNames ?? [])}");
        Assert.True(network.IsSuccessful, $"outside Links, these use HTTP: {string.Join(", ", network.FailingTypeNames ?? [])}");
    }

    /// <summary>The rules would pass vacuously if a namespace were renamed: every layer they name has types.</summary>
    [Fact]
    public void Every_layer_the_rules_name_exists()
    {
        var namespaces = Library.GetTypes().Select(t => t.Namespace).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var row in Rules)
            Assert.Contains((string)row.Data.Item1, namespaces);
    }
}
