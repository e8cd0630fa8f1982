namespace KernelGen.Generators.Tests.Fuzzing;

/// <summary>
/// Writes random kernel declarations from one seed: attribute arguments drawn mostly from small valid values and
/// otherwise from 0, negatives, int.MinValue, int.MaxValue and huge windows; parameter lists that start from the
/// right shape and are then often damaged (element types, span kinds, modifiers, order, count); method and type
/// modifiers, nesting, generic types, namespaces. Everything it writes is C# that binds (so the documented rules alone
/// decide whether it is a valid kernel), except the broken variants of <see cref="Corrupt"/>.
/// </summary>
internal sealed class DeclarationFuzzer(int seed)
{
    private static readonly string[] ParameterNames =
        ["input", "weights", "bias", "output", "height", "width", "length", "src", "dst", "x", "y", "w", "b", "n", "rows", "cols",
         "@in", "@out", "@base", "@float", "@int", "@checked", "données", "λ", "_", "__x", "image", "kernel", "value"];

    private static readonly string[] OtherElementTypes = ["int", "byte", "long", "Half", "decimal", "bool", "short", "nint", "char", "System.Numerics.Complex"];

    private static readonly string[] OtherTypes =
        ["float[]", "ReadOnlyMemory<float>", "Memory<double>", "long", "uint", "int?", "nint", "short", "double", "object", "string", "System.Collections.Generic.List<float>"];

    private readonly Random random = new(seed);

    public FuzzDeclaration Next(int id)
    {
        FuzzKind kind = (FuzzKind)random.Next(6);
        bool convolution = kind.IsConvolution();
        IntArgument[] positional = [.. kind.PositionalNames().Select(_ => Size())];
        double[]? weights = null;
        IntArgument? inChannels = null, outChannels = null, groups = null;
        if (convolution)
        {
            inChannels = Maybe(0.4, Channels);
            outChannels = Maybe(0.4, Channels);
            groups = Maybe(0.25, () => Groups(inChannels, outChannels));
            if (Chance(0.06))
            {
                weights = WeightsFor(positional, inChannels, outChannels, groups);
            }
        }

        (FuzzType[] types, string ns, bool fileScoped) = Types(id);
        FuzzType inner = types[^1];
        bool mustBeStatic = inner.Kind is ContainerKind.StaticClass || types.Any(t => t.Kind == ContainerKind.Interface);
        bool isStatic = mustBeStatic || Chance(0.7);
        bool extension = isStatic && types.Length == 1 && inner.Kind == ContainerKind.StaticClass && inner.Arity == 0 && Chance(0.15);
        string element = Chance(0.5) ? "float" : "double";
        FuzzParameter[] parameters = Parameters(kind, element, weights is null, extension);
        (string[] constants, IntArgument[] withConstants) = inner.Kind == ContainerKind.Interface ? ([], positional) : Constants(positional);
        string access = Accessibility(inner, isStatic);

        return new FuzzDeclaration
        {
            Id = id,
            Kind = kind,
            AttributeSpelling = Pick(kind.ToString(), kind.ToString(), kind.ToString(), kind + "Attribute", $"KernelGen.{kind}", $"global::KernelGen.{kind}Attribute"),
            Positional = withConstants,
            PositionalByName = kind.Is2D() && Chance(0.1),
            Padding = Maybe(0.5, () => (int?)(Chance(0.93) ? random.Next(convolution ? 3 : 2) : Chance(0.3) ? 2 : Pick(3, -1, 7, int.MaxValue, int.MinValue))),
            Stride = Maybe(convolution ? 0.3 : 0.5, Stride),
            Dilation = convolution ? Maybe(0.3, Stride) : null,
            InChannels = inChannels,
            OutChannels = outChannels,
            Groups = groups,
            Channels = convolution ? null : Maybe(0.4, Channels),
            Flip = convolution ? Maybe(0.3, () => (bool?)Chance(0.5)) : null,
            Activation = convolution ? Maybe(0.3, () => (int?)(Chance(0.95) ? random.Next(2) : Pick(2, -1, 100))) : null,
            Weights = weights,
            SecondAttribute = Chance(0.02) ? (FuzzKind)random.Next(6) : null,
            Accessibility = access,
            Static = isStatic,
            Partial = Chance(0.96),
            Extern = Chance(0.01),
            // readonly on struct members; virtual only where C# allows it (an overridable member with an accessibility).
            ExtraModifier = !isStatic && Chance(0.1)
                ? inner.IsStruct ? "readonly"
                : inner.Kind is ContainerKind.Class or ContainerKind.AbstractClass or ContainerKind.Record && access is not ("private" or "") ? "virtual"
                : ""
                : "",
            ReturnType = Chance(0.96) ? "void" : Pick("int", "float", "bool", "Span<float>", "object"),
            TypeParameters = Chance(0.03) ? 1 + random.Next(2) : 0,
            Body = Chance(0.97) ? BodyKind.None : Chance(0.5) ? BodyKind.Block : BodyKind.Expression,
            MethodName = Pick("Blur", "Pool", "Layer", "Smooth", "Apply", "@checked", "Résumé", "Kernel_1", "Run") + id,
            Parameters = parameters,
            Namespace = ns,
            FileScopedNamespace = fileScoped,
            Types = types,
            Constants = constants,
        };
    }

    /// <summary>
    /// A broken variant of <paramref name="declaration"/>'s text, as while typing: a cut, a deletion, a stray
    /// token, a duplicated piece, or an attribute argument the compiler cannot bind.
    /// </summary>
    public string Corrupt(FuzzDeclaration declaration)
    {
        string text = declaration.Render();
        int start = text.IndexOf('[', StringComparison.Ordinal);
        start = start < 0 ? 0 : start;
        int at = random.Next(start, text.Length);
        switch (random.Next(6))
        {
            case 0:
                return text[..at];
            case 1:
                return text.Remove(at, Math.Min(1 + random.Next(12), text.Length - at));
            case 2:
                return text.Insert(at, " " + Pick("(", ")", "[", "]", "{", "}", ",", ";", "=", "<", ">", "partial", "static", "void", "int", "@", "\"",
                    "//", "/*", "#if X", "#endregion", "'", "global::", "=>", "?", "ref", "123abc", "\u0000", "[Conv2D(3, 3)]", "params", "this") + " ");
            case 3:
                int length = Math.Min(1 + random.Next(40), text.Length - at);
                return text.Insert(at, text.Substring(at, length));
            case 4:
                string attribute = declaration.AttributeText();
                string bad = attribute.Replace(declaration.Positional[0].Text + (declaration.Positional.Length > 1 || attribute.Contains('=') ? "," : ")"),
                    Pick("3.5", "\"x\"", "null", "typeof(int)", "new[] { 1 }", "(Padding)", "Padding.", "int.MaxValue + 1", "1 / 0", "Unknown", "nameof(", "default")
                    + (declaration.Positional.Length > 1 || attribute.Contains('=') ? "," : ")"));
                return text.Replace(attribute, bad);
            default:
                return text.Replace(declaration.AttributeText(), declaration.AttributeText().Replace(")]", Pick(", Foo = 1)]", ", Stride = \"2\")]",
                    ", 3, 4)]", ", Padding = 1)]", ", Weights = new int[] { 1 })]", ", Channels = 2, Channels = 3)]", ")")));
        }
    }

    // Mostly small valid windows; sometimes 0, negatives, huge or past int.MaxValue when multiplied.
    private IntArgument Size()
    {
        int roll = random.Next(100);
        return roll switch
        {
            < 62 => IntArgument.Of(1 + random.Next(5)),
            < 70 => IntArgument.Of(Pick(6, 7, 8, 9, 11, 13, 16, 17)),
            < 75 => IntArgument.Of(Pick(0, -1, -3, int.MinValue)),
            < 80 => IntArgument.Of(Pick(int.MaxValue, 46341, 65536, 100_000, 1 << 20, 1 << 30)),
            < 86 => IntArgument.Of(Pick(64, 65, 90, 129, 257, 300, 1000, 4097)),
            _ => IntArgument.Of(1 + random.Next(4)),
        };
    }

    private IntArgument Stride() => random.Next(100) switch
    {
        < 80 => IntArgument.Of(1 + random.Next(3)),
        < 88 => IntArgument.Of(Pick(0, -1, -2, int.MinValue)),
        < 94 => IntArgument.Of(Pick(4, 5, 7)),
        _ => IntArgument.Of(Pick(int.MaxValue, 1 << 16, 1 << 30)),
    };

    private IntArgument Channels() => random.Next(100) switch
    {
        < 80 => IntArgument.Of(Pick(1, 1, 2, 3, 4, 5, 6, 8, 16)),
        < 88 => IntArgument.Of(Pick(0, -1, -8, int.MinValue)),
        < 94 => IntArgument.Of(Pick(7, 12, 24, 64)),
        _ => IntArgument.Of(Pick(int.MaxValue, 100_000, 1 << 20, 46341)),
    };

    private IntArgument Groups(IntArgument? inChannels, IntArgument? outChannels)
    {
        long cin = inChannels?.Value ?? 1, cout = outChannels?.Value ?? 1;
        if (Chance(0.6) && cin > 0 && cout > 0)
        {
            long[] divisors = [.. Enumerable.Range(1, 16).Where(g => cin % g == 0 && cout % g == 0).Select(g => (long)g)];
            return IntArgument.Of(divisors[random.Next(divisors.Length)]);
        }

        return IntArgument.Of(Pick(0, -1, 2, 3, 4, 5, 8, int.MaxValue));
    }

    // Usually exactly OutChannels·(InChannels/Groups)·KH·KW values (when that is small), sometimes one more or less.
    private double[] WeightsFor(IntArgument[] positional, IntArgument? inChannels, IntArgument? outChannels, IntArgument? groups)
    {
        long cin = inChannels?.Value ?? 1, cout = outChannels?.Value ?? 1, g = groups?.Value ?? 1;
        long taps = positional.Aggregate(1L, (p, a) => a.Value is > 0 and < 100 ? p * a.Value : p * 3);
        long count = g > 0 && cin > 0 && cout > 0 && cin % g == 0 ? cout * (cin / g) * taps : 9;
        count = Math.Clamp(count + (Chance(0.3) ? Pick(-1, 1) : 0), 0, 400);
        return [.. Enumerable.Range(0, (int)count).Select(_ => (double)random.Next(-3, 4))];
    }

    // Sometimes a positional argument names a constant of the containing type instead of a literal.
    private (string[] Constants, IntArgument[] Positional) Constants(IntArgument[] positional)
    {
        if (!Chance(0.08))
        {
            return ([], positional);
        }

        int index = random.Next(positional.Length);
        string name = $"Size{index}";
        IntArgument[] rewritten = [.. positional.Select((p, i) => i == index ? p with { Text = name } : p)];
        return ([$"private const int {name} = {positional[index].Text};"], rewritten);
    }

    private (FuzzType[] Types, string Namespace, bool FileScoped) Types(int id)
    {
        int depth = random.Next(100) switch { < 75 => 1, < 93 => 2, _ => 3 };
        var types = new List<FuzzType>();
        for (int level = 0; level < depth; level++)
        {
            bool innermost = level == depth - 1;
            ContainerKind kind = innermost && Chance(0.02) ? ContainerKind.Interface
                : Pick(ContainerKind.StaticClass, ContainerKind.StaticClass, ContainerKind.StaticClass, ContainerKind.Class, ContainerKind.Class,
                    ContainerKind.SealedClass, ContainerKind.AbstractClass, ContainerKind.Struct, ContainerKind.ReadOnlyStruct, ContainerKind.RefStruct,
                    ContainerKind.Record, ContainerKind.RecordStruct);
            if (level > 0 && types[^1].Kind is ContainerKind.RefStruct or ContainerKind.Interface)
            {
                kind = ContainerKind.Class;
            }

            types.Add(new FuzzType(
                kind,
                Partial: Chance(0.96),
                FileLocal: level == 0 && Chance(0.02),
                Accessibility: Pick("public", "public", "internal", ""),
                Arity: Chance(0.08) ? 1 + random.Next(2) : 0,
                Name: level == 0 ? $"Fz{id}Z" : Pick("Inner", "Nested", "Deep") + level));
        }

        string ns = random.Next(100) switch
        {
            < 20 => "",
            < 60 => $"Fuzz.N{id % 7}",
            _ => Pick("Demo", "Kernels.Image", "@namespace.Inner", "Ünïcode"),
        };
        return ([.. types], ns, ns.Length > 0 && Chance(0.5));
    }

    private string Accessibility(FuzzType inner, bool isStatic)
    {
        if (inner.Kind == ContainerKind.Interface)
        {
            return "";
        }

        return inner.Kind is ContainerKind.Class or ContainerKind.AbstractClass or ContainerKind.Record && !isStatic && Chance(0.2)
            ? Pick("protected", "protected internal", "private protected")
            : Pick("public", "public", "internal", "private", "");
    }

    // The right list for the attribute (with or without a bias), then often damaged.
    private FuzzParameter[] Parameters(FuzzKind kind, string element, bool weightsParameter, bool extension)
    {
        var list = new List<FuzzParameter> { ReadOnlySpan(element) };
        if (kind.IsConvolution() && weightsParameter)
        {
            list.Add(ReadOnlySpan(element));
        }

        if (kind.IsConvolution() && Chance(0.35))
        {
            list.Add(ReadOnlySpan(element));
        }

        list.Add(new FuzzParameter("", Pick($"Span<{element}>", $"System.Span<{element}>"), ParameterKind.Span, element, ""));
        int sizes = kind.Is2D() ? 2 : 1;
        for (int i = 0; i < sizes; i++)
        {
            list.Add(new FuzzParameter("", Pick("int", "int", "int", "Int32", "System.Int32"), ParameterKind.Int, null, ""));
        }

        if (Chance(0.3))
        {
            Damage(list, element);
        }

        // Unique names, drawn from a pool with keywords and non-ASCII letters.
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < list.Count; i++)
        {
            string name = Pick(ParameterNames);
            string bare = name.TrimStart('@');
            while (!used.Add(bare))
            {
                bare += "1";
                name = bare;
            }

            list[i] = list[i] with { Name = name };
        }

        if (extension && list.Count > 0 && list[0].Modifier.Length == 0)
        {
            list[0] = list[0] with { Modifier = "this" };
        }

        return [.. list];
    }

    private void Damage(List<FuzzParameter> list, string element)
    {
        int i = random.Next(list.Count);
        string other = element == "float" ? "double" : "float";
        switch (random.Next(9))
        {
            case 0: // another element type in one span, or in all of them
                string type = Pick(OtherElementTypes);
                int[] spans = [.. Enumerable.Range(0, list.Count).Where(j => list[j].Element is not null)];
                foreach (int j in Chance(0.5) ? spans : [spans[random.Next(spans.Length)]])
                {
                    list[j] = list[j] with { Type = list[j].Type.Replace(element, type), Element = type };
                }

                break;
            case 1: // float and double mixed
                int span = list.FindLastIndex(p => p.Element is not null);
                list[span] = list[span] with { Type = list[span].Type.Replace(element, other), Element = other };
                break;
            case 2: // Span for ReadOnlySpan or back
                int s = list.FindIndex(p => p.Element is not null);
                s = Chance(0.5) ? list.FindLastIndex(p => p.Element is not null) : s;
                list[s] = list[s].Kind == ParameterKind.Span
                    ? list[s] with { Type = $"ReadOnlySpan<{list[s].Element}>", Kind = ParameterKind.ReadOnlySpan }
                    : list[s] with { Type = $"Span<{list[s].Element}>", Kind = ParameterKind.Span };
                break;
            case 3: // a parameter missing
                list.RemoveAt(i);
                break;
            case 4: // one too many
                list.Insert(random.Next(list.Count + 1), Chance(0.5)
                    ? new FuzzParameter("", "int", ParameterKind.Int, null, "")
                    : ReadOnlySpan(element));
                break;
            case 5: // two swapped
                int j2 = random.Next(list.Count);
                (list[i], list[j2]) = (list[j2], list[i]);
                break;
            case 6: // ref, in or out
                list[i] = list[i] with { Modifier = Pick("ref", "in", "out") };
                break;
            case 7: // another type altogether
                list[i] = new FuzzParameter("", Pick(OtherTypes), ParameterKind.Other, null, "");
                break;
            default: // spelled differently but the same
                list[i] = list[i].Kind switch
                {
                    ParameterKind.Int => list[i] with { Type = "global::System.Int32" },
                    ParameterKind.ReadOnlySpan => list[i] with { Type = $"global::System.ReadOnlySpan<{(list[i].Element == "float" ? "System.Single" : "System.Double")}>" },
                    ParameterKind.Span => list[i] with { Type = $"global::System.Span<{(list[i].Element == "float" ? "Single" : "Double")}>" },
                    _ => list[i],
                };
                break;
        }
    }

    private FuzzParameter ReadOnlySpan(string element)
        => new("", Pick($"ReadOnlySpan<{element}>", $"System.ReadOnlySpan<{element}>"), ParameterKind.ReadOnlySpan, element, "");

    private bool Chance(double p) => random.NextDouble() < p;

    private T? Maybe<T>(double p, Func<T> value) => Chance(p) ? value() : default;

    private T Pick<T>(params T[] values) => values[random.Next(values.Length)];
}
