namespace Chronology.Model;

/// <summary>
/// What a content file gives, which its reader may have read only in part: where a required field could not be read
/// (an error at the file says why), a stand-in takes its place so that the rest of the file, and everything that names
/// it, is checked in the same run. Something read in part is never made into a page (<c>SiteModel</c> refuses it).
/// </summary>
public interface IReadInPart
{
    string Id { get; }

    bool Unread { get; }
}
