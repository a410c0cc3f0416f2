using System.Net;
using System.Net.Sockets;
using Chronology.Links;

namespace Chronology.Tests.Links;

public sealed class LinkRefresherTests : IAsyncLifetime
{
    private static readonly LinkRefreshOptions Fast = new()
    {
        MaxConcurrency = 8,
        MaxPerHost = 2,
        MinHostInterval = TimeSpan.Zero,
        // A guard, not a race: on two busy cores a local answer can take longer than a second, and a request that
        // times out is retried (an extra request the tests would count). The timeout test sets its own.
        Timeout = TimeSpan.FromSeconds(30),
        MaxRetries = 2,
        BackoffBase = TimeSpan.FromMilliseconds(10),
        BackoffCap = TimeSpan.FromMilliseconds(40),
        RetryAfterCap = TimeSpan.FromSeconds(5),
        MaxRedirects = 5,
    };

    private LocalLinkServer _server = default!;

    public async ValueTask InitializeAsync() => _server = await LocalLinkServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_reachable_page_is_ok_and_a_pdf_needs_only_a_head_request()
    {
        var page = await Check("/ok");
        var pdf = await Check("/doc.pdf");

        Assert.Equal((LinkOutcome.Ok, 200, "text/html"), (page.Outcome, page.Status, page.ContentType));
        Assert.Equal((LinkOutcome.Ok, "application/pdf"), (pdf.Outcome, pdf.ContentType));
        Assert.Equal(["HEAD"], _server.Requests("/doc.pdf").Select(r => r.Method));
    }

    [Fact]
    public async Task A_redirect_chain_is_followed_and_recorded()
    {
        var record = await Check("/r1");

        Assert.Equal(LinkOutcome.Redirected, record.Outcome);
        Assert.Equal([_server.Url("/r1"), _server.Url("/r2")], record.Redirects);
        Assert.Equal(_server.Url("/ok"), record.FinalUrl);
    }

    [Fact]
    public async Task Redirect_loops_and_redirects_without_a_location_are_unverifiable()
    {
        var loop = await Check("/loop");
        var noLocation = await Check("/no-location");

        Assert.Equal(LinkOutcome.Unverifiable, loop.Outcome);
        Assert.Contains("more than 5 redirects", loop.Detail);
        Assert.Equal(LinkOutcome.Unverifiable, noLocation.Outcome);
        Assert.Contains("without a Location", noLocation.Detail);
    }

    [Fact]
    public async Task Not_found_is_failing_once_and_dead_only_after_failing_on_an_earlier_day()
    {
        var first = await Check("/gone");
        var sameDay = await Check("/gone", first);
        var yesterday = first with { CheckedAt = first.CheckedAt.AddDays(-1), FirstFailedAt = first.CheckedAt.AddDays(-1) };
        var secondDay = await Check("/gone", yesterday);
        var missing = await Check("/missing");

        Assert.Equal((LinkOutcome.Failing, 410), (first.Outcome, first.Status));
        Assert.Equal(LinkOutcome.Failing, sameDay.Outcome);
        Assert.Equal(LinkOutcome.Dead, secondDay.Outcome);
        Assert.Equal(yesterday.FirstFailedAt, secondDay.FirstFailedAt);
        Assert.Equal(LinkOutcome.Failing, missing.Outcome);
    }

    [Fact]
    public async Task A_429_is_retried_after_its_retry_after()
    {
        var record = await Check("/limited", options: Fast with { Timeout = TimeSpan.FromSeconds(10) });

        Assert.Equal(LinkOutcome.Ok, record.Outcome);
        var requests = _server.Requests("/limited");
        Assert.True(requests.Count >= 2);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), "Retry-After: 1 was not honoured");
    }

    [Fact]
    public async Task Rate_limiting_that_never_ends_is_unverifiable_never_ok()
    {
        var patient = Fast with { Timeout = TimeSpan.FromSeconds(10) };
        var record = await Check("/always-limited", options: patient);
        var tooLong = await Check("/limited-for-an-hour", options: patient);

        Assert.Equal((LinkOutcome.Unverifiable, 429), (record.Outcome, record.Status));
        Assert.Equal(1 + Fast.MaxRetries, _server.Requests("/always-limited").Count);
        Assert.Equal(LinkOutcome.Unverifiable, tooLong.Outcome);
        Assert.Contains("longer than we wait", tooLong.Detail);
        Assert.Single(_server.Requests("/limited-for-an-hour"));
    }

    [Fact]
    public async Task A_server_error_is_retried_with_backoff()
    {
        var record = await Check("/flaky");

        Assert.Equal(LinkOutcome.Ok, record.Outcome);
        Assert.True(_server.Requests("/flaky").Count >= 2);
    }

    [Fact]
    public async Task A_slow_server_times_out_as_unverifiable_after_retries()
    {
        var record = await Check("/slow", options: Fast with { MaxRetries = 1, Timeout = TimeSpan.FromSeconds(1) });

        Assert.Equal(LinkOutcome.Unverifiable, record.Outcome);
        Assert.Equal("no answer within 1s after retries", record.Detail);
        // Two attempts were made; on a loaded machine the first can time out before the server logs it.
        Assert.InRange(_server.Requests("/slow").Count, 1, 2);
    }

    [Fact]
    public async Task Head_not_allowed_falls_back_to_get()
    {
        var record = await Check("/no-head");

        Assert.Equal(LinkOutcome.Ok, record.Outcome);
        Assert.Equal(["HEAD", "GET"], _server.Requests("/no-head").Select(r => r.Method));
    }

    [Fact]
    public async Task Soft_404s_bot_walls_and_refusals_are_unverifiable()
    {
        var soft = await Check("/soft-404");
        var wall = await Check("/wall");
        var forbidden = await Check("/forbidden");

        Assert.Equal(LinkOutcome.Unverifiable, soft.Outcome);
        Assert.Contains("soft 404", soft.Detail);
        Assert.Equal(LinkOutcome.Unverifiable, wall.Outcome);
        Assert.Contains("bot wall", wall.Detail);
        Assert.Equal((LinkOutcome.Unverifiable, 403), (forbidden.Outcome, forbidden.Status));
    }

    [Fact]
    public async Task A_refused_connection_is_failing()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var record = await CheckUrl($"http://127.0.0.1:{port}/nothing");

        Assert.Equal(LinkOutcome.Failing, record.Outcome);
        Assert.Contains("refused", record.Detail);
    }

    [Fact]
    public async Task No_more_than_two_requests_go_to_one_host_at_a_time()
    {
        using var handler = LinkRefresher.CreateHandler();
        // No client timeout can fire and no retry is made, so every request the server counts in flight is one the
        // refresher has open: the count depends on the refresher's limit, not on how busy the machine is.
        var refresher = new LinkRefresher(handler, Fast with { Timeout = TimeSpan.FromMinutes(5), MaxRetries = 0 }, TimeProvider.System);
        var urls = Enumerable.Range(1, 8).Select(i => _server.Url($"/busy/{i}")).ToList();

        var records = await refresher.RefreshAsync(urls, new Dictionary<string, LinkRecord>());

        Assert.All(records, r => Assert.Equal(LinkOutcome.Ok, r.Outcome));
        Assert.InRange(_server.MaxInFlight, 1, 2);
        Assert.Equal(urls.Order(StringComparer.Ordinal), records.Select(r => r.Url));
    }

    [Fact]
    public async Task The_status_file_is_sorted_and_byte_stable()
    {
        var records = new[] { await Check("/r1"), await Check("/gone"), await Check("/ok") };
        var path = Path.Combine(Path.GetTempPath(), $"link-status-{Guid.NewGuid():N}.json");
        try
        {
            LinkStatusFile.Write(path, records);
            var first = File.ReadAllBytes(path);
            var reread = LinkStatusFile.Read(path);
            LinkStatusFile.Write(path, reread.Values.Reverse());

            Assert.Equal(first, File.ReadAllBytes(path));
            Assert.Equal(records.Select(r => r.Url).Order(StringComparer.Ordinal), reread.Keys);
            Assert.Equal(records[0].Redirects, reread[records[0].Url].Redirects);
            Assert.Equal(records[1].FirstFailedAt!.Value.ToUnixTimeSeconds(), reread[records[1].Url].FirstFailedAt!.Value.ToUnixTimeSeconds());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private Task<LinkRecord> Check(string path, LinkRecord? previous = null, LinkRefreshOptions? options = null) =>
        CheckUrl(_server.Url(path), previous, options);

    private static async Task<LinkRecord> CheckUrl(string url, LinkRecord? previous = null, LinkRefreshOptions? options = null)
    {
        using var handler = LinkRefresher.CreateHandler();
        var refresher = new LinkRefresher(handler, options ?? Fast, TimeProvider.System);
        var before = previous is null ? new Dictionary<string, LinkRecord>() : new Dictionary<string, LinkRecord> { [url] = previous };
        return Assert.Single(await refresher.RefreshAsync([url], before));
    }
}
