namespace Chronology.Model;

/// <summary>How a checklist item is marked in its document.</summary>
public enum ItemGroup
{
    Essential,
    Preferred,
    NotRequired,
}
