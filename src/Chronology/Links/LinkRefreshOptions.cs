namespace Chronology.Links;

/// <summary>How politely <see cref="LinkRefresher"/> behaves. The defaults suit the real web; tests shrink the times.</summary>
public sealed record LinkRefreshOptions
{
    public int MaxConcurrency { get; init; } = 8;

    public int MaxPerHost { get; init; } = 2;

    /// <summary>The least time between the starts of two requests to one host.</summary>
    public TimeSpan MinHostInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Attempts after the first, on timeouts, 5xx and 429.</summary>
    public int MaxRetries { get; init; } = 3;

    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan BackoffCap { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A Retry-After longer than this is not waited for: the link is left unverifiable.</summary>
    public TimeSpan RetryAfterCap { get; init; } = TimeSpan.FromMinutes(2);

    public int MaxRedirects { get; init; } = 10;

    public string UserAgent { get; init; } = "ChronologyLinkChecker/1.0 (+evidence site link check; polite, 2 requests per host)";
}
