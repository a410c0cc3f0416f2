namespace Chronology.Model;

/// <summary>What a response to a review item gives: comment on it, or the action taken.</summary>
public enum ResponseKind
{
    Commentary,
    ActionTaken,
}
