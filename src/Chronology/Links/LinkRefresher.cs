using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Chronology.Links;

/// <summary>
/// Checks external URLs politely: bounded concurrency overall, at most <see cref="LinkRefreshOptions.MaxPerHost"/>
/// requests per host with a minimum interval between them, timeouts, retries with capped exponential backoff on
/// timeouts, 5xx and 429 (honouring Retry-After), HEAD falling back to GET, redirects followed by hand so that
/// the chain is recorded. Only <c>links refresh</c> uses it, and only when a person runs it.
/// </summary>
public sealed partial class LinkRefresher(HttpMessageHandler handler, LinkRefreshOptions options, TimeProvider time)
{
    private const int BodyPeekBytes = 64 * 1024;
    private readonly HttpClient _client = new(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly ConcurrentDictionary<string, HostGate> _hosts = new(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"page not found|404 not found|not be found|cannot be found|does not exist|doesn't exist|no longer available", RegexOptions.IgnoreCase)]
    private static partial Regex SoftNotFound();

    [GeneratedRegex(@"captcha|cloudflare|just a moment|are you a robot|access denied|bot detection|enable javascript and cookies", RegexOptions.IgnoreCase)]
    private static partial Regex BotWall();

    public static HttpMessageHandler CreateHandler() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    public async Task<IReadOnlyList<LinkRecord>> RefreshAsync(
        IReadOnlyList<string> urls, IReadOnlyDictionary<string, LinkRecord> previous,
        IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        using var overall = new SemaphoreSlim(options.MaxConcurrency);
        var tasks = urls.Select(async url =>
        {
            await overall.WaitAsync(cancellation);
            try
            {
                var probe = await ProbeAsync(url, cancellation);
                var record = Judge(url, probe, previous.GetValueOrDefault(url));
                progress?.Report(url);
                return record;
            }
            finally
            {
                overall.Release();
            }
        });
        var records = await Task.WhenAll(tasks);
        return [.. records.OrderBy(r => r.Url, StringComparer.Ordinal)];
    }

    /// <summary>A 404/410/DNS failure becomes dead only when it was already failing on an earlier day.</summary>
    private LinkRecord Judge(string url, Probe probe, LinkRecord? before)
    {
        var now = time.GetUtcNow();
        var outcome = probe.Outcome;
        DateTimeOffset? firstFailed = null;
        if (outcome == LinkOutcome.Failing)
        {
            firstFailed = before is { Outcome: LinkOutcome.Failing or LinkOutcome.Dead, FirstFailedAt: { } earlier } ? earlier : now;
            if (firstFailed.Value.UtcDateTime.Date < now.UtcDateTime.Date) outcome = LinkOutcome.Dead;
        }
        return new LinkRecord(url, outcome, probe.Status, probe.FinalUrl, probe.Redirects, probe.ContentType, now, firstFailed, probe.Detail);
    }

    private async Task<Probe> ProbeAsync(string url, CancellationToken cancellation)
    {
        var redirects = new List<string>();
        var current = new Uri(url);
        for (var hop = 0; ; hop++)
        {
            var answer = await SendWithRetriesAsync(current, cancellation);
            if (answer.Failure is { } failure) return failure with { Redirects = redirects, FinalUrl = current.AbsoluteUri };
            if (answer.TimedOut)
                return new Probe(LinkOutcome.Unverifiable, null, current.AbsoluteUri, redirects, null, answer.Detail + " after retries");
            var status = answer.Status;
            if (status is >= 300 and < 400)
            {
                if (answer.Location is null)
                    return new Probe(LinkOutcome.Unverifiable, status, current.AbsoluteUri, redirects, answer.ContentType, $"HTTP {status} without a Location header");
                if (hop >= options.MaxRedirects)
                    return new Probe(LinkOutcome.Unverifiable, status, current.AbsoluteUri, redirects, answer.ContentType, $"more than {options.MaxRedirects} redirects");
                redirects.Add(current.AbsoluteUri);
                current = new Uri(current, answer.Location);
                continue;
            }
            return Classify(answer, current, redirects);
        }
    }

    private Probe Classify(Answer answer, Uri final, List<string> redirects)
    {
        var status = answer.Status;
        Probe Result(LinkOutcome outcome, string? detail) => new(outcome, status, final.AbsoluteUri, redirects, answer.ContentType, detail);

        if (status is >= 200 and < 300)
        {
            if (answer.Body is { } body && SoftNotFound().IsMatch(TitleAndHeadings(body)))
                return Result(LinkOutcome.Unverifiable, "the page answers 200 but says it was not found (a soft 404)");
            return Result(redirects.Count > 0 ? LinkOutcome.Redirected : LinkOutcome.Ok, null);
        }
        if (status is 404 or 410) return Result(LinkOutcome.Failing, $"HTTP {status}");
        if (answer.Body is { } wall && BotWall().IsMatch(wall)) return Result(LinkOutcome.Unverifiable, $"HTTP {status}: a bot wall or challenge page");
        return status switch
        {
            429 => Result(LinkOutcome.Unverifiable, "HTTP 429: rate limited after retries" + (answer.Detail is null ? "" : $" ({answer.Detail})")),
            401 or 403 or 999 => Result(LinkOutcome.Unverifiable, $"HTTP {status}: the server refuses automated checks"),
            >= 500 => Result(LinkOutcome.Unverifiable, $"HTTP {status} after retries"),
            _ => Result(LinkOutcome.Unverifiable, $"HTTP {status}"),
        };
    }

    private async Task<Answer> SendWithRetriesAsync(Uri url, CancellationToken cancellation)
    {
        for (var attempt = 0; ; attempt++)
        {
            var answer = await SendHeadThenGetAsync(url, cancellation);
            var retryable = answer.TimedOut || answer.Status is 429 or >= 500;
            if (!retryable || attempt >= options.MaxRetries) return answer;

            var delay = Backoff(attempt);
            if (answer.RetryAfter is { } retryAfter)
            {
                if (retryAfter > options.RetryAfterCap)
                    return answer with { Detail = $"Retry-After {retryAfter.TotalSeconds:0}s is longer than we wait" };
                delay = retryAfter;
            }
            await Task.Delay(delay, time, cancellation);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var ticks = options.BackoffBase.Ticks * (1L << Math.Min(attempt, 20));
        return TimeSpan.FromTicks(Math.Min(ticks, options.BackoffCap.Ticks));
    }

    private async Task<Answer> SendHeadThenGetAsync(Uri url, CancellationToken cancellation)
    {
        var head = await SendAsync(HttpMethod.Head, url, cancellation);
        if (head.Failure is not null || head.TimedOut) return head;
        var needsBody = head.Status is >= 200 and < 300 && head.ContentType is "text/html";
        var headRefused = head.Status is >= 400 && head.Status is not 429;
        return needsBody || headRefused ? await SendAsync(HttpMethod.Get, url, cancellation) : head;
    }

    private async Task<Answer> SendAsync(HttpMethod method, Uri url, CancellationToken cancellation)
    {
        var gate = _hosts.GetOrAdd(url.Authority, _ => new HostGate(options.MaxPerHost));
        await gate.Slots.WaitAsync(cancellation);
        try
        {
            await gate.WaitForTurnAsync(options.MinHostInterval, time, cancellation);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(options.Timeout);
            using var request = new HttpRequestMessage(method, url);
            request.Headers.UserAgent.ParseAdd(options.UserAgent);
            request.Headers.Accept.ParseAdd("text/html,application/pdf,*/*;q=0.8");
            try
            {
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                var status = (int)response.StatusCode;
                var contentType = response.Content.Headers.ContentType?.MediaType;
                string? body = null;
                if (method == HttpMethod.Get && contentType is "text/html" or "text/plain")
                    body = await PeekAsync(response, timeout.Token);
                return new Answer(status, contentType, response.Headers.Location?.OriginalString, RetryAfter(response.Headers.RetryAfter), body);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                return new Answer(0, null, null, null, null) { TimedOut = true, Detail = $"no answer within {options.Timeout.TotalSeconds:0.#}s" };
            }
            catch (HttpRequestException e)
            {
                return new Answer(0, null, null, null, null) { Failure = Unreachable(e) };
            }
        }
        finally
        {
            gate.Slots.Release();
        }
    }

    private static Probe Unreachable(HttpRequestException e)
    {
        var socket = e.InnerException as SocketException ?? e.InnerException?.InnerException as SocketException;
        return socket?.SocketErrorCode switch
        {
            SocketError.HostNotFound or SocketError.NoData => new Probe(LinkOutcome.Failing, null, null, [], null, "DNS: the host name does not resolve"),
            SocketError.ConnectionRefused => new Probe(LinkOutcome.Failing, null, null, [], null, "connection refused"),
            _ => new Probe(LinkOutcome.Unverifiable, null, null, [], null, $"request failed: {e.Message}"),
        };
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static async Task<string> PeekAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellation);
        var buffer = new byte[BodyPeekBytes];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellation);
            if (n == 0) break;
            read += n;
        }
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private static string TitleAndHeadings(string html)
    {
        var parts = Regex.Matches(html, @"<(title|h1)[^>]*>(?<text>.*?)</\1>", RegexOptions.IgnoreCase | RegexOptions.Singleline)
            .Select(m => m.Groups["text"].Value);
        return string.Join(" ", parts);
    }

    /// <summary>One host's share: a fixed number of request slots and a minimum interval between request starts.</summary>
    private sealed class HostGate(int slots)
    {
        private readonly SemaphoreSlim _turn = new(1);
        private DateTimeOffset _lastStart = DateTimeOffset.MinValue;

        public SemaphoreSlim Slots { get; } = new(slots);

        public async Task WaitForTurnAsync(TimeSpan interval, TimeProvider time, CancellationToken cancellation)
        {
            await _turn.WaitAsync(cancellation);
            try
            {
                var wait = _lastStart + interval - time.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellation);
                _lastStart = time.GetUtcNow();
            }
            finally
            {
                _turn.Release();
            }
        }
    }

    private sealed record Answer(int Status, string? ContentType, string? Location, TimeSpan? RetryAfter, string? Body)
    {
        public bool TimedOut { get; init; }

        public Probe? Failure { get; init; }

        public string? Detail { get; init; }
    }

    private sealed record Probe(LinkOutcome Outcome, int? Status, string? FinalUrl, IReadOnlyList<string> Redirects, string? ContentType, string? Detail);
}
