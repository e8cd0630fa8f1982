namespace KernelGen.Generators.Tests.Fuzzing;

/// <summary>
/// What the semantics page (docs/semantics.md: attributes, method shapes, compile-time errors) and the README's diagnostics table say about a declaration, decided here
/// from the declaration's own data and never from the generator. <see cref="Violated"/> holds the ids of the rules it
/// breaks (a generator may stop at the first it finds, so it must report at least one of them and nothing else);
/// <see cref="Limitations"/> the ids of documented limits a valid declaration may run into instead of being
/// generated (README: KG0016, a window or weights too large to index with an int).
/// </summary>
internal sealed record Expectation(IReadOnlySet<string> Violated, IReadOnlySet<string> Limitations, long KernelHeight, long KernelWidth)
{
    public long Taps => KernelHeight * KernelWidth;

    /// <summary>docs/semantics.md, “The generated code”: the window is within 11 × 11, so it is unrolled whole and never reported looped.</summary>
    public bool UnrolledWhole => KernelHeight <= SpecOracle.AlwaysUnrolled && KernelWidth <= SpecOracle.AlwaysUnrolled;

    public bool Valid => Violated.Count == 0;

    /// <summary>A valid declaration that must be generated (no limitation applies).</summary>
    public bool MustGenerate => Valid && Limitations.Count == 0;

    public override string ToString()
        => Valid ? (Limitations.Count == 0 ? "valid" : $"valid, or limited by {string.Join("/", Limitations)}") : $"invalid: {string.Join(", ", Violated.Order())}";
}

internal static class SpecOracle
{
    /// <summary>docs/semantics.md, “The generated code”: every window up to at least 11 × 11 is unrolled whole (so never reported looped, KG0100).</summary>
    public const int AlwaysUnrolled = 11;

    private static readonly string[] IntSpellings = ["int", "Int32", "System.Int32", "global::System.Int32"];

    public static Expectation Judge(FuzzDeclaration d)
    {
        var violated = new HashSet<string>(StringComparer.Ordinal);
        var limitations = new HashSet<string>(StringComparer.Ordinal);
        bool convolution = d.Kind.IsConvolution();
        long kh = d.Kind.Is2D() ? d.Positional[0].Value : 1, kw = d.Positional[^1].Value;

        // The declaration (section 3 and the misuse list of section 6).
        Require(d.Partial && d.Body == BodyKind.None && !d.Extern, "KG0001");
        Require(d.Types.All(t => t.Partial), "KG0002");
        Require(d.ReturnType == "void", "KG0003");
        Require(d.TypeParameters == 0, "KG0004");
        Require(d.Types[^1].Kind != ContainerKind.Interface && !d.Types.Any(t => t.FileLocal), "KG0015");
        Require(d.SecondAttribute is null, "KG0013");

        // The parameters: element type, then the list itself.
        string[] elements = [.. d.Parameters.Where(p => p.Element is not null).Select(p => p.Element!)];
        Require(elements.All(e => e is "float" or "double"), "KG0006");
        Require(!(elements.Contains("float") && elements.Contains("double")), "KG0007");
        Require(Shapes(d).Any(shape => Matches(d.Parameters, shape)), "KG0005");

        // The attribute's arguments (section 2): positive sizes, strides, dilations and channel counts; defined enums;
        // Groups dividing both channel counts; no Full padding on a pool.
        long stride = d.Stride?.Value ?? 1, dilation = d.Dilation?.Value ?? 1;
        long cin = (convolution ? d.InChannels : d.Channels)?.Value ?? 1, cout = (convolution ? d.OutChannels : d.Channels)?.Value ?? 1;
        long groups = d.Groups?.Value ?? 1;
        Require(kh > 0 && kw > 0 && stride > 0 && dilation > 0 && cin > 0 && cout > 0 && groups > 0, "KG0008");
        Require(d.Padding is null or >= 0 and <= 2 && d.Activation is null or 0 or 1, "KG0014");
        Require(convolution || d.Padding != 2, "KG0010");
        Require(!convolution || cin <= 0 || cout <= 0 || groups <= 0 || (cin % groups == 0 && cout % groups == 0), "KG0009");
        bool argumentsValid = kh > 0 && kw > 0 && stride > 0 && dilation > 0 && cin > 0 && cout > 0 && groups > 0
            && cin % groups == 0 && cout % groups == 0;

        // Constant weights (section 2): exactly OutChannels·(InChannels/Groups)·KH·KW values (KG0011 otherwise), a
        // length known once the window and channel counts are.
        if (d.Weights is not null && kh > 0 && kw > 0 && cin > 0 && cout > 0 && groups > 0 && cin % groups == 0 && cout % groups == 0)
        {
            Require(d.Weights.Length == cout * (cin / groups) * kh * kw, "KG0011");
        }

        // KG0016: the dilated window and the weights (a pool's window) must be indexable with an int.
        if (argumentsValid)
        {
            System.Numerics.BigInteger reach = dilation * (System.Numerics.BigInteger)(Math.Max(kh, kw) - 1) + 1;
            System.Numerics.BigInteger weights = convolution ? (System.Numerics.BigInteger)cout * (cin / groups) * kh * kw : (System.Numerics.BigInteger)kh * kw;
            if (reach > int.MaxValue || weights > int.MaxValue)
            {
                limitations.Add("KG0016");
            }
        }

        return new Expectation(violated, limitations, kh, kw);

        void Require(bool holds, string id)
        {
            if (!holds)
            {
                violated.Add(id);
            }
        }
    }

    // The lists of section 3: input, weights (unless constant), an optional bias (convolutions), output, the sizes.
    private static IEnumerable<ParameterKind[]> Shapes(FuzzDeclaration d)
    {
        ParameterKind[] sizes = d.Kind.Is2D() ? [ParameterKind.Int, ParameterKind.Int] : [ParameterKind.Int];
        ParameterKind[] inputs = d.Kind.IsConvolution() && d.Weights is null
            ? [ParameterKind.ReadOnlySpan, ParameterKind.ReadOnlySpan]
            : [ParameterKind.ReadOnlySpan];
        yield return [.. inputs, ParameterKind.Span, .. sizes];
        if (d.Kind.IsConvolution())
        {
            yield return [.. inputs, ParameterKind.ReadOnlySpan, ParameterKind.Span, .. sizes];
        }
    }

    // Names are free; kinds, order and count are fixed; no ref, in or out ('this' only makes an extension method).
    private static bool Matches(FuzzParameter[] parameters, ParameterKind[] shape)
        => parameters.Length == shape.Length
           && parameters.Zip(shape).All(pair => pair.First.Modifier is "" or "this"
               && pair.First.Kind == pair.Second
               && (pair.Second != ParameterKind.Int || IntSpellings.Contains(pair.First.Type)));
}
