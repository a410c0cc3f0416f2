using System.Diagnostics;

namespace Chronology.Tests.Workflows;

/// <summary>
/// The repository's GitHub workflows are valid by the workflow schema (action-validator, pinned in
/// tools/package.json and installed by this project's build), and do what the maintainers' workflow promises.
/// </summary>
public class WorkflowTests
{
    private static readonly string Validator = Path.Combine(RepoPaths.Root, "tests", "Chronology.Tests", "tools", "node_modules", ".bin", "action-validator");
    private static readonly string Folder = Path.Combine(RepoPaths.Root, ".github", "workflows");

    public static TheoryData<string> Workflows => [.. Directory.GetFiles(Folder, "*.yml").Select(Path.GetFileName).OfType<string>().Order()];

    [Theory]
    [MemberData(nameof(Workflows))]
    public async Task Each_workflow_is_valid(string name)
    {
        var (exit, output) = await ValidateAsync(Path.Combine(Folder, name));
        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task The_validator_rejects_a_broken_workflow()
    {
        var path = Path.Combine(Path.GetTempPath(), $"workflow-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, "name: x\non: [push]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: echo\n");
        try
        {
            var (exit, output) = await ValidateAsync(path);
            Assert.NotEqual(0, exit);
            Assert.Contains("stepz", output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_workflows_check_pull_requests_deploy_main_and_refresh_links_weekly()
    {
        var pullRequest = File.ReadAllText(Path.Combine(Folder, "pull-request.yml"));
        Assert.Contains("pull_request:", pullRequest);
        Assert.Contains("check --format github", pullRequest);
        Assert.Contains("diff --base", pullRequest);
        Assert.Contains("$GITHUB_STEP_SUMMARY", pullRequest);
        Assert.Contains("./.ci/run", pullRequest);

        var deploy = File.ReadAllText(Path.Combine(Folder, "deploy.yml"));
        Assert.Contains("branches: [main]", deploy);
        Assert.Contains("--base-url \"${{ steps.pages.outputs.base_url }}\"", deploy);
        Assert.Contains("--repository \"${{ github.server_url }}/${{ github.repository }}\"", deploy);
        Assert.Contains("--report-error-url \"${{ github.server_url }}/${{ github.repository }}/issues/new\"", deploy);
        Assert.Contains("actions/upload-pages-artifact@", deploy);
        Assert.Contains("actions/deploy-pages@", deploy);

        var links = File.ReadAllText(Path.Combine(Folder, "links.yml"));
        Assert.Contains("schedule:", links);
        Assert.Contains("links refresh", links);
        Assert.Contains("gh pr create", links);
        // Only this workflow may go online for links; the others never run 'links refresh'.
        Assert.DoesNotContain("links refresh", pullRequest + deploy);
    }

    private static async Task<(int Exit, string Output)> ValidateAsync(string path)
    {
        if (!File.Exists(Validator)) Assert.Fail($"{Validator} is missing: the test project's build installs it with npm ci");
        var start = new ProcessStartInfo(Validator) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
