namespace Chronology.Links;

public enum LinkOutcome
{
    /// <summary>2xx at the URL itself.</summary>
    Ok,

    /// <summary>2xx after one or more redirects.</summary>
    Redirected,

    /// <summary>Could not be confirmed either way: 401/403/429/999, bot walls, soft 404s, timeouts, 5xx. A warning.</summary>
    Unverifiable,

    /// <summary>404/410, a DNS failure or a refused connection, seen once: dead only if it fails again on a later day.</summary>
    Failing,

    /// <summary>Failing on separate runs on different days.</summary>
    Dead,
}
