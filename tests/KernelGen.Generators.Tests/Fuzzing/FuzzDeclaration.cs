using System.Globalization;
using System.Text;

namespace KernelGen.Generators.Tests.Fuzzing;

/// <summary>The six KernelGen attributes, as the fuzzer knows them (docs/semantics.md, “Attributes”).</summary>
internal enum FuzzKind
{
    Conv1D,
    Conv2D,
    MaxPool1D,
    MaxPool2D,
    AvgPool1D,
    AvgPool2D,
}

internal static class FuzzKinds
{
    public static bool IsConvolution(this FuzzKind kind) => kind is FuzzKind.Conv1D or FuzzKind.Conv2D;

    public static bool Is2D(this FuzzKind kind) => kind is FuzzKind.Conv2D or FuzzKind.MaxPool2D or FuzzKind.AvgPool2D;

    public static bool IsMax(this FuzzKind kind) => kind is FuzzKind.MaxPool1D or FuzzKind.MaxPool2D;

    /// <summary>The names of the positional parameters of the attribute's constructor.</summary>
    public static string[] PositionalNames(this FuzzKind kind) => kind switch
    {
        FuzzKind.Conv2D => ["kernelHeight", "kernelWidth"],
        FuzzKind.Conv1D => ["kernelSize"],
        FuzzKind.MaxPool2D or FuzzKind.AvgPool2D => ["height", "width"],
        _ => ["size"],
    };
}

/// <summary>An <c>int</c> attribute argument: how it is written and the value it has.</summary>
internal sealed record IntArgument(string Text, long Value)
{
    public static IntArgument Of(long value) => new(value switch
    {
        int.MaxValue => "int.MaxValue",
        int.MinValue => "int.MinValue",
        _ => value.ToString(CultureInfo.InvariantCulture),
    }, value);
}

/// <summary>What a parameter's type is, as far as the kernel signature is concerned.</summary>
internal enum ParameterKind
{
    ReadOnlySpan,
    Span,
    Int,
    Other,
}

/// <summary>A parameter as written (modifier, type text, name) and what its type is (kind, span element).</summary>
internal sealed record FuzzParameter(string Modifier, string Type, ParameterKind Kind, string? Element, string Name)
{
    public override string ToString() => $"{(Modifier.Length > 0 ? Modifier + " " : "")}{Type} {Name}";
}

/// <summary>The kinds of type a kernel may be declared in (or, for an interface, may not).</summary>
internal enum ContainerKind
{
    Class,
    StaticClass,
    SealedClass,
    AbstractClass,
    Struct,
    ReadOnlyStruct,
    RefStruct,
    Record,
    RecordStruct,
    Interface,
}

/// <summary>One type of the chain around the kernel, outermost first.</summary>
internal sealed record FuzzType(ContainerKind Kind, bool Partial, bool FileLocal, string Accessibility, int Arity, string Name)
{
    public string Header
    {
        get
        {
            string keyword = Kind switch
            {
                ContainerKind.Class => "class",
                ContainerKind.StaticClass => "static class",
                ContainerKind.SealedClass => "sealed class",
                ContainerKind.AbstractClass => "abstract class",
                ContainerKind.Struct => "struct",
                ContainerKind.ReadOnlyStruct => "readonly struct",
                ContainerKind.RefStruct => "ref struct",
                ContainerKind.Record => "record",
                ContainerKind.RecordStruct => "record struct",
                _ => "interface",
            };
            if (Partial)
            {
                // 'partial' goes right before class, struct, record or interface.
                int last = keyword.LastIndexOf(' ');
                keyword = last < 0 ? "partial " + keyword : keyword[..last] + " partial" + keyword[last..];
                if (Kind is ContainerKind.RecordStruct)
                {
                    keyword = "partial record struct";
                }
            }

            string typeParameters = Arity == 0 ? "" : "<" + string.Join(", ", Enumerable.Range(0, Arity).Select(i => $"T{Name}{i}")) + ">";
            return string.Join(" ", new[] { FileLocal ? "file" : Accessibility, keyword }.Where(s => s.Length > 0)) + " " + Name + typeParameters;
        }
    }

    public bool IsStruct => Kind is ContainerKind.Struct or ContainerKind.ReadOnlyStruct or ContainerKind.RefStruct or ContainerKind.RecordStruct;
}

/// <summary>How the method's body is written.</summary>
internal enum BodyKind
{
    None,
    Block,
    Expression,
}

/// <summary>
/// One random kernel declaration in its own file: the attribute with its arguments, the method, the types and
/// namespace around it. <see cref="Render"/> writes it as C#; <see cref="Corruption"/>, when set, replaces the
/// rendering by a broken variant of it.
/// </summary>
internal sealed class FuzzDeclaration
{
    public required int Id { get; init; }

    public required FuzzKind Kind { get; init; }

    /// <summary>How the attribute is spelled: Conv2D, Conv2DAttribute, KernelGen.Conv2D, global::KernelGen.Conv2D.</summary>
    public required string AttributeSpelling { get; init; }

    public required IntArgument[] Positional { get; init; }

    /// <summary>Positional arguments written by name (<c>kernelWidth: 3, kernelHeight: 5</c>), in reverse order.</summary>
    public bool PositionalByName { get; init; }

    public IntArgument? Stride { get; init; }

    public IntArgument? Dilation { get; init; }

    public IntArgument? InChannels { get; init; }

    public IntArgument? OutChannels { get; init; }

    public IntArgument? Groups { get; init; }

    public IntArgument? Channels { get; init; }

    /// <summary>The Padding value (possibly undefined), or null when not set.</summary>
    public int? Padding { get; init; }

    public int? Activation { get; init; }

    public bool? Flip { get; init; }

    /// <summary>Constant weights (<c>Weights = new double[] { … }</c>), or null when not set.</summary>
    public double[]? Weights { get; init; }

    /// <summary>A second KernelGen attribute on the same method.</summary>
    public FuzzKind? SecondAttribute { get; init; }

    public string Accessibility { get; init; } = "public";

    public bool Static { get; init; } = true;

    public bool Partial { get; init; } = true;

    public bool Extern { get; init; }

    /// <summary>virtual (classes) or readonly (structs), or empty.</summary>
    public string ExtraModifier { get; init; } = "";

    public string ReturnType { get; init; } = "void";

    public int TypeParameters { get; init; }

    public BodyKind Body { get; init; }

    public required string MethodName { get; init; }

    public required FuzzParameter[] Parameters { get; init; }

    /// <summary>The namespace: empty for the global one; <see cref="FileScopedNamespace"/> picks the syntax.</summary>
    public string Namespace { get; init; } = "";

    public bool FileScopedNamespace { get; init; }

    public required FuzzType[] Types { get; init; }

    /// <summary>Constants declared in the innermost type, that attribute arguments may name.</summary>
    public string[] Constants { get; init; } = [];

    /// <summary>Adds <c>RunKernel(T[] input, T[] weights, T[] bias, T[] output, int height, int width)</c> to the innermost type.</summary>
    public bool WithRunner { get; set; }

    /// <summary>Compiled (with its generated source) into the seed's assembly.</summary>
    public bool Compile { get; set; }

    /// <summary>Set for a broken variant: the text to compile instead of the rendering.</summary>
    public string? Corruption { get; set; }

    public string Path => $"Case{Id}.cs";

    /// <summary>The first type's name, unique to this declaration, which hint names start from.</summary>
    public string Marker => Types[0].Name;

    public string Text => Corruption ?? Render();

    public string AttributeText()
    {
        var arguments = new List<string>();
        string[] names = Kind.PositionalNames();
        if (PositionalByName)
        {
            arguments.AddRange(Positional.Select((p, i) => $"{names[i]}: {p.Text}").Reverse());
        }
        else
        {
            arguments.AddRange(Positional.Select(p => p.Text));
        }

        void Add(string name, string? text)
        {
            if (text is not null)
            {
                arguments.Add($"{name} = {text}");
            }
        }

        Add("Padding", Padding is int p ? Enum("Padding", p, ["Valid", "Same", "Full"]) : null);
        Add("Stride", Stride?.Text);
        Add("Dilation", Dilation?.Text);
        Add("InChannels", InChannels?.Text);
        Add("OutChannels", OutChannels?.Text);
        Add("Groups", Groups?.Text);
        Add("Channels", Channels?.Text);
        Add("Flip", Flip is bool f ? (f ? "true" : "false") : null);
        Add("Activation", Activation is int a ? Enum("Activation", a, ["None", "Relu"]) : null);
        Add("Weights", Weights is null ? null
            : "new double[] { " + string.Join(", ", Weights.Select(w => w.ToString("R", CultureInfo.InvariantCulture))) + " }");
        return $"[{AttributeSpelling}({string.Join(", ", arguments)})]";
    }

    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine($"// fuzz case {Id}");
        string indent = "";
        if (Namespace.Length > 0 && FileScopedNamespace)
        {
            text.AppendLine($"namespace {Namespace};").AppendLine();
        }
        else if (Namespace.Length > 0)
        {
            text.AppendLine($"namespace {Namespace}").AppendLine("{");
            indent = "    ";
        }

        foreach (FuzzType type in Types)
        {
            text.AppendLine(indent + type.Header).AppendLine(indent + "{");
            indent += "    ";
        }

        foreach (string constant in Constants)
        {
            text.AppendLine(indent + constant);
        }

        text.AppendLine(indent + AttributeText());
        if (SecondAttribute is FuzzKind second)
        {
            text.AppendLine(indent + $"[{second}({string.Join(", ", second.PositionalNames().Select(_ => "3"))})]");
        }

        string modifiers = string.Join(" ", new[] { Accessibility, Static ? "static" : "", Extern ? "extern" : "", ExtraModifier, Partial ? "partial" : "" }
            .Where(m => m.Length > 0));
        string typeParameters = TypeParameters == 0 ? "" : "<" + string.Join(", ", Enumerable.Range(0, TypeParameters).Select(i => $"TM{i}")) + ">";
        string signature = $"{modifiers} {ReturnType} {MethodName}{typeParameters}({string.Join(", ", Parameters.Select(p => p.ToString()))})";
        string body = Body switch
        {
            BodyKind.Block => ReturnType == "void" ? " { }" : " { return default!; }",
            BodyKind.Expression => ReturnType == "void" ? " => System.Console.WriteLine();" : " => default!;",
            _ => ";",
        };
        text.AppendLine(indent + signature.TrimStart() + body);
        if (WithRunner)
        {
            text.AppendLine(indent + Runner());
        }

        while (indent.Length > 0)
        {
            indent = indent[4..];
            text.AppendLine(indent + "}");
        }

        return text.ToString();
    }

    // Calls the kernel with the arrays its signature needs, in the declared order: input, [weights], [bias], output, sizes.
    private string Runner()
    {
        string element = Parameters[0].Element!;
        var arguments = new List<string> { "input" };
        int readOnly = Parameters.Count(p => p.Kind == ParameterKind.ReadOnlySpan);
        bool weights = Kind.IsConvolution() && Weights is null;
        if (weights)
        {
            arguments.Add("weights");
        }

        if (readOnly > (weights ? 2 : 1))
        {
            arguments.Add("bias");
        }

        arguments.Add("output");
        arguments.AddRange(Kind.Is2D() ? ["height", "width"] : ["width"]);
        FuzzType inner = Types[^1];
        string target = Static ? MethodName
            : inner.IsStruct ? $"default({inner.Name}{TypeArguments(inner)}).{MethodName}"
            : $"new {inner.Name}{TypeArguments(inner)}().{MethodName}";
        return $"public static void RunKernel({element}[] input, {element}[] weights, {element}[] bias, {element}[] output, int height, int width) => " +
            $"{target}({string.Join(", ", arguments)});";
    }

    private static string TypeArguments(FuzzType type)
        => type.Arity == 0 ? "" : "<" + string.Join(", ", Enumerable.Range(0, type.Arity).Select(i => $"T{type.Name}{i}")) + ">";

    private static string Enum(string type, int value, string[] members)
        => value >= 0 && value < members.Length ? $"{type}.{members[value]}" : $"({type})({value})";

    public override string ToString() => Text;
}
