namespace Chronology.Model;

/// <summary>
/// What a change to the content says on the site, in place of its commit message's first line (content/changes.yml):
/// for a commit whose message was written for the people who make the site, not for its readers. A commit is named by
/// the start of its id, as <c>git log</c> prints it (at least 7 hexadecimal digits).
/// </summary>
public sealed record ChangeNote(string Commit, string Says, ContentLocation Location);
