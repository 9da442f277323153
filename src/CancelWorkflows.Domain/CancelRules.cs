namespace CancelWorkflows.Domain;

/// <summary>Rule ids of docs/rules.md, so decisions cite them without typos.</summary>
public static class CancelRules
{
    public const string A2 = "A2";
    public const string A3 = "A3";
    public const string A4 = "A4";
    public const string C1 = "C1";
    public const string C2 = "C2";
    public const string C4 = "C4";
    public const string C5 = "C5";
    public const string N1 = "N1";
    public const string N2 = "N2";
    public const string N3 = "N3";
    public const string W1 = "W1";
    public const string W2 = "W2";
    public const string W3 = "W3";
    public const string W4 = "W4";
    public const string W5 = "W5";

    /// <summary>Antom's CANCEL_WINDOW_EXCEED: one of the window rules refused, Antom does not say which.</summary>
    public const string AnyWindow = "W1-W5";
}
