namespace KernelGen.Generators;

/// <summary>The names of the pipeline steps, so that tests can assert how each one ran (Cached, Unchanged, Modified, New).</summary>
internal static class TrackingNames
{
    /// <summary>The attributed method turned into a parse result (spec and diagnostics).</summary>
    public const string Parse = "KernelGen.Parse";

    /// <summary>The value-equatable kernel spec of a valid declaration.</summary>
    public const string Specs = "KernelGen.Specs";

    /// <summary>The diagnostics of a declaration, with their real locations.</summary>
    public const string Diagnostics = "KernelGen.Diagnostics";
}
