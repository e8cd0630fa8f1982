namespace KernelGen.Generators.Model;

/// <summary>One of the six KernelGen attributes: its name, what it computes and its dimensionality.</summary>
internal sealed record KernelAttribute(string Name, KernelOperation Operation, bool Is2D)
{
    public static readonly KernelAttribute Conv1D = new("Conv1D", KernelOperation.Convolution, false);
    public static readonly KernelAttribute Conv2D = new("Conv2D", KernelOperation.Convolution, true);
    public static readonly KernelAttribute MaxPool1D = new("MaxPool1D", KernelOperation.MaxPool, false);
    public static readonly KernelAttribute MaxPool2D = new("MaxPool2D", KernelOperation.MaxPool, true);
    public static readonly KernelAttribute AvgPool1D = new("AvgPool1D", KernelOperation.AvgPool, false);
    public static readonly KernelAttribute AvgPool2D = new("AvgPool2D", KernelOperation.AvgPool, true);

    public static readonly KernelAttribute[] All = [Conv1D, Conv2D, MaxPool1D, MaxPool2D, AvgPool1D, AvgPool2D];

    public const string Namespace = "KernelGen";

    /// <summary>The attribute class's metadata name, e.g. <c>KernelGen.Conv2DAttribute</c>.</summary>
    public string MetadataName => $"{Namespace}.{Name}Attribute";

    public bool IsConvolution => Operation == KernelOperation.Convolution;
}
