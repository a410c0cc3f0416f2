namespace Chronology.Model;

/// <summary>EDTF qualifiers: <c>~</c> approximate, <c>?</c> uncertain, <c>%</c> both.</summary>
[Flags]
public enum DateQualifier
{
    None = 0,
    Approximate = 1,
    Uncertain = 2,
}
