using System.Numerics;
using System.Reflection;

namespace KernelGen.Kernels.Tests;

/// <summary>
/// The table of every generated kernel in this assembly: each method carrying a KernelGen attribute becomes a
/// <see cref="KernelCase{T}"/> whose parameters are read from the attribute itself, so the table and the
/// declarations cannot drift apart.
/// </summary>
public static class KernelCatalog
{
    /// <summary>The <see cref="PackedWeights{T}"/> a call passes for the weights it is given.</summary>
    public delegate PackedWeights<T> WeightsObject<T>(ReadOnlySpan<T> weights)
        where T : unmanaged;

    private static readonly Lazy<IReadOnlyDictionary<string, KernelCase>> Cases = new(Build);

    public static IEnumerable<KernelCase> All => Cases.Value.Values;

    public static KernelCase Get(string name)
        => Cases.Value.TryGetValue(name, out KernelCase? c) ? c : throw new KeyNotFoundException($"No kernel case named {name}.");

    public static KernelCase<T> Get<T>(string name)
        where T : unmanaged, IFloatingPointIeee754<T>
        => (KernelCase<T>)Get(name);

    /// <summary>xunit member data: the names of the cases of some families.</summary>
    public static TheoryData<string> Names(params KernelFamily[] families)
    {
        var data = new TheoryData<string>();
        foreach (KernelCase c in All.Where(c => families.Contains(c.Family)).OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            data.Add(c.Name);
        }

        return data;
    }

    /// <summary>All declared kernel methods, with their attribute (exposed for the catalog's own tests).</summary>
    public static IEnumerable<(MethodInfo Method, Attribute Attribute)> DeclaredKernels()
        => from type in typeof(KernelCatalog).Assembly.GetTypes()
           from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
           from attribute in method.GetCustomAttributes()
           where attribute is ConvolutionAttribute or PoolingAttribute
           select (method, attribute);

    private static Dictionary<string, KernelCase> Build()
    {
        var cases = new Dictionary<string, KernelCase>(StringComparer.Ordinal);
        foreach ((MethodInfo method, Attribute attribute) in DeclaredKernels())
        {
            Type element = method.GetParameters()[0].ParameterType.GetGenericArguments()[0];
            KernelCase c = element == typeof(float) ? Create<float>(method, attribute) : Create<double>(method, attribute);
            if (!cases.TryAdd(c.Name, c))
            {
                throw new InvalidOperationException($"{c.Method} and {cases[c.Name].Method} are both {c.Name}: declare distinct kernels.");
            }
        }

        return cases;
    }

    private static KernelCase<T> Create<T>(MethodInfo method, Attribute attribute)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        string name = $"{method.DeclaringType!.Name}.{method.Name}";
        bool constant = attribute is ConvolutionAttribute { Weights: not null };
        int withoutBias = (attribute is Conv2DAttribute ? 5 : 4) - (constant ? 1 : 0);
        bool hasBias = attribute is ConvolutionAttribute && method.GetParameters().Length == withoutBias + 1;
        bool packed = TakesPackedWeights(method);
        switch (attribute)
        {
            case ConvolutionAttribute conv:
                (int kh, int kw, KernelFamily family) = conv switch
                {
                    Conv2DAttribute a => (a.KernelHeight, a.KernelWidth, KernelFamily.Conv2D),
                    Conv1DAttribute a => (1, a.KernelSize, KernelFamily.Conv1D),
                    _ => throw new InvalidOperationException(name),
                };
                return new KernelCase<T>
                {
                    Family = family, Method = name, Parameters = ParametersOf(method, family), KernelHeight = kh, KernelWidth = kw, Padding = conv.Padding,
                    Stride = conv.Stride, Dilation = conv.Dilation, InChannels = conv.InChannels, OutChannels = conv.OutChannels,
                    Groups = conv.Groups, Flip = conv.Flip, Activation = conv.Activation, HasBias = hasBias,
                    ConstantWeights = conv.Weights, PackedWeights = packed,
                    Generated = constant ? ConstantWeightInvoker<T>(method, family, hasBias)
                        : packed ? PackedWeightsInvoker<T>(method, family, hasBias, conv.OutChannels * (conv.InChannels / conv.Groups) * kh * kw)
                        : ConvolutionInvoker<T>(method, family, hasBias),
                };
            case PoolingAttribute pool:
                (int ph, int pw, KernelFamily poolFamily) = pool switch
                {
                    MaxPool2DAttribute a => (a.Height, a.Width, KernelFamily.MaxPool2D),
                    AvgPool2DAttribute a => (a.Height, a.Width, KernelFamily.AvgPool2D),
                    MaxPool1DAttribute a => (1, a.Size, KernelFamily.MaxPool1D),
                    AvgPool1DAttribute a => (1, a.Size, KernelFamily.AvgPool1D),
                    _ => throw new InvalidOperationException(name),
                };
                return new KernelCase<T>
                {
                    Family = poolFamily, Method = name, Parameters = ParametersOf(method, poolFamily), KernelHeight = ph, KernelWidth = pw, Padding = pool.Padding,
                    Stride = pool.Stride == 0 ? null : pool.Stride, InChannels = pool.Channels, OutChannels = pool.Channels,
                    Generated = PoolingInvoker<T>(method, poolFamily),
                };
            default:
                throw new InvalidOperationException(name);
        }
    }

    // docs/semantics.md, “Method shapes” fixes the order: read-only spans (input, then weights unless the attribute bakes them in, then
    // bias), the output span, then the sizes (height and width, or the length).
    private static KernelParameters ParametersOf(MethodInfo method, KernelFamily family)
    {
        ParameterInfo[] parameters = method.GetParameters();
        string[] readOnly = parameters.Where(p => Is(p, typeof(ReadOnlySpan<>))).Select(p => p.Name!).ToArray();
        string output = parameters.Single(p => Is(p, typeof(Span<>))).Name!;
        string[] sizes = parameters.Where(p => p.ParameterType == typeof(int)).Select(p => p.Name!).ToArray();
        bool convolution = family is KernelFamily.Conv1D or KernelFamily.Conv2D;
        bool runtimeWeights = convolution && method.GetCustomAttribute<ConvolutionAttribute>(inherit: false)?.Weights is null;
        bool packed = TakesPackedWeights(method);
        string? weights = !runtimeWeights ? null : packed ? parameters[1].Name : readOnly[1];
        string? bias = convolution && readOnly.Length > (runtimeWeights && !packed ? 2 : 1) ? readOnly[^1] : null;
        return new KernelParameters(readOnly[0], weights, bias, output, sizes.Length == 2 ? sizes[0] : null, sizes[^1]);

        static bool Is(ParameterInfo p, Type span) => p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition() == span;
    }

    /// <summary>Whether the weights parameter is a <see cref="PackedWeights{T}"/> (a convolution's second parameter).</summary>
    public static bool TakesPackedWeights(MethodInfo method)
        => method.GetParameters() is [_, { ParameterType: { IsGenericType: true } type }, ..] && type.GetGenericTypeDefinition() == typeof(PackedWeights<>);

    // A kernel taking PackedWeights gets a new object from the weights of each call, so that every call packs them
    // (PackedWeightsTests keeps one object across calls). The object copies the prefix the layer needs, as a user would
    // copy a layer's weights (a span longer than that may reach into a guard page), or all of a span that is too short.
    private static GeneratedKernel<T> PackedWeightsInvoker<T>(MethodInfo method, KernelFamily family, bool hasBias, int weightsLength)
        where T : unmanaged
        => PackedWeightsInvoker<T>(method, family, hasBias, weights => new(weights.Length > weightsLength ? weights[..weightsLength] : weights));

    /// <summary>A kernel taking <see cref="PackedWeights{T}"/> seen through <see cref="GeneratedKernel{T}"/>: <paramref name="pack"/> turns each call's weights into the object passed.</summary>
    public static GeneratedKernel<T> PackedWeightsInvoker<T>(MethodInfo method, KernelFamily family, bool hasBias, WeightsObject<T> pack)
        where T : unmanaged
    {
        if (family == KernelFamily.Conv2D)
        {
            if (hasBias)
            {
                var biased = method.CreateDelegate<KernelShapes.Conv2DPackedWithBias<T>>();
                return (input, weights, bias, output, height, width) => biased(input, pack(weights), bias, output, height, width);
            }

            var kernel = method.CreateDelegate<KernelShapes.Conv2DPacked<T>>();
            return (input, weights, bias, output, height, width) => kernel(input, pack(weights), output, height, width);
        }

        if (hasBias)
        {
            var biased1D = method.CreateDelegate<KernelShapes.Conv1DPackedWithBias<T>>();
            return (input, weights, bias, output, height, width) => biased1D(input, pack(weights), bias, output, width);
        }

        var plain = method.CreateDelegate<KernelShapes.Conv1DPacked<T>>();
        return (input, weights, bias, output, height, width) => plain(input, pack(weights), output, width);
    }

    private static GeneratedKernel<T> ConvolutionInvoker<T>(MethodInfo method, KernelFamily family, bool hasBias)
    {
        if (family == KernelFamily.Conv2D)
        {
            if (hasBias)
            {
                return method.CreateDelegate<KernelShapes.Conv2DWithBias<T>>().Invoke;
            }

            var kernel = method.CreateDelegate<KernelShapes.Conv2D<T>>();
            return (input, weights, bias, output, height, width) => kernel(input, weights, output, height, width);
        }

        if (hasBias)
        {
            var biased = method.CreateDelegate<KernelShapes.Conv1DWithBias<T>>();
            return (input, weights, bias, output, height, width) => biased(input, weights, bias, output, width);
        }

        var plain = method.CreateDelegate<KernelShapes.Conv1D<T>>();
        return (input, weights, bias, output, height, width) => plain(input, weights, output, width);
    }

    // Kernels with baked-in weights have no weights parameter: the invoker ignores the weights it is given.
    private static GeneratedKernel<T> ConstantWeightInvoker<T>(MethodInfo method, KernelFamily family, bool hasBias)
    {
        if (family == KernelFamily.Conv2D)
        {
            if (hasBias)
            {
                var biased = method.CreateDelegate<KernelShapes.Conv2DConstantWithBias<T>>();
                return (input, weights, bias, output, height, width) => biased(input, bias, output, height, width);
            }

            var kernel = method.CreateDelegate<KernelShapes.Pool2D<T>>();
            return (input, weights, bias, output, height, width) => kernel(input, output, height, width);
        }

        if (hasBias)
        {
            var biased1D = method.CreateDelegate<KernelShapes.Conv1DConstantWithBias<T>>();
            return (input, weights, bias, output, height, width) => biased1D(input, bias, output, width);
        }

        var plain = method.CreateDelegate<KernelShapes.Pool1D<T>>();
        return (input, weights, bias, output, height, width) => plain(input, output, width);
    }

    private static GeneratedKernel<T> PoolingInvoker<T>(MethodInfo method, KernelFamily family)
    {
        if (family is KernelFamily.MaxPool2D or KernelFamily.AvgPool2D)
        {
            var pool2D = method.CreateDelegate<KernelShapes.Pool2D<T>>();
            return (input, weights, bias, output, height, width) => pool2D(input, output, height, width);
        }

        var pool1D = method.CreateDelegate<KernelShapes.Pool1D<T>>();
        return (input, weights, bias, output, height, width) => pool1D(input, output, width);
    }
}
