namespace KernelGen.Benchmarks.Onnx;

/// <summary>
/// Single-operator ONNX models, written in memory: a <c>Conv</c> (its weights and bias as initializers, so ONNX
/// Runtime packs them once, when the session is created), followed by a <c>Relu</c> when asked, or one pool
/// (<c>MaxPool</c>, <c>AveragePool</c>, <c>GlobalAveragePool</c>), over one float input of batch 1 in NCHW.
/// Padding is explicit (<c>pads</c>), the same amounts KernelGen's padding mode gives, so the outputs match.
/// </summary>
internal static class OnnxModel
{
    public const string InputName = "x", OutputName = "y";

    private const long IrVersion = 8, Opset = 17;
    private const int FloatType = 1, IntAttribute = 2, IntsAttribute = 7;

    /// <summary>A 2D convolution: <paramref name="weights"/> in OIHW (ONNX's layout too), optional bias and ReLU.</summary>
    public static byte[] Conv(OnnxLayer layer, float[] weights, float[]? bias, bool relu)
    {
        int perGroup = layer.InChannels / layer.Groups;
        var initializers = new List<(string Name, long[] Dims, float[] Values)>
        {
            ("w", [layer.OutChannels, perGroup, layer.KernelHeight, layer.KernelWidth], weights),
        };
        if (bias is not null)
        {
            initializers.Add(("b", [layer.OutChannels], bias));
        }

        var nodes = new List<Node>
        {
            new("Conv", [InputName, .. initializers.Select(i => i.Name)], relu ? "conv" : OutputName,
            [
                ("kernel_shape", [layer.KernelHeight, layer.KernelWidth]),
                ("strides", [layer.Stride, layer.Stride]),
                ("dilations", [layer.Dilation, layer.Dilation]),
                ("pads", layer.Pads),
                ("group", [layer.Groups]),
            ]),
        };
        if (relu)
        {
            nodes.Add(new Node("Relu", ["conv"], OutputName, []));
        }

        return Model(layer, nodes, initializers);
    }

    /// <summary>A pool: <paramref name="opType"/> is <c>MaxPool</c> or <c>AveragePool</c> (padded positions not counted), or <c>GlobalAveragePool</c>.</summary>
    public static byte[] Pool(OnnxLayer layer, string opType)
    {
        List<(string, long[])> attributes = opType == "GlobalAveragePool" ? [] :
        [
            ("kernel_shape", [layer.KernelHeight, layer.KernelWidth]),
            ("strides", [layer.Stride, layer.Stride]),
            ("pads", layer.Pads),
        ];
        return Model(layer, [new Node(opType, [InputName], OutputName, attributes)], []);
    }

    /// <summary>One node of the graph; its attributes are INTS, but for <c>group</c>, an INT.</summary>
    private sealed record Node(string OpType, string[] Inputs, string Output, List<(string Name, long[] Values)> Attributes);

    private static byte[] Model(OnnxLayer layer, List<Node> nodes, List<(string Name, long[] Dims, float[] Values)> initializers) =>
        new ProtoWriter()
            .Int(1, IrVersion)
            .String(2, "KernelGen.Benchmarks")
            .Message(7, graph =>
            {
                foreach (Node node in nodes)
                {
                    graph.Message(1, n => WriteNode(n, node));
                }

                graph.String(2, "layer");
                foreach ((string name, long[] dims, float[] values) in initializers)
                {
                    graph.Message(5, t => t.PackedInts(1, dims).Int(2, FloatType).String(8, name).Bytes(9, ProtoWriter.RawData(values)));
                }

                graph.Message(11, v => WriteValueInfo(v, InputName, [1, layer.InChannels, layer.Height, layer.Width]));
                graph.Message(12, v => WriteValueInfo(v, OutputName, [1, layer.OutChannels, layer.OutHeight, layer.OutWidth]));
            })
            .Message(8, opset => opset.String(1, "").Int(2, Opset))
            .ToArray();

    private static void WriteNode(ProtoWriter writer, Node node)
    {
        foreach (string input in node.Inputs)
        {
            writer.String(1, input);
        }

        writer.String(2, node.Output).String(3, node.OpType).String(4, node.OpType);
        foreach ((string name, long[] values) in node.Attributes)
        {
            writer.Message(5, a =>
            {
                a.String(1, name);
                if (name == "group")
                {
                    a.Int(3, values[0]).Int(20, IntAttribute);
                }
                else
                {
                    a.PackedInts(8, values).Int(20, IntsAttribute);
                }
            });
        }
    }

    private static void WriteValueInfo(ProtoWriter writer, string name, long[] dims) =>
        writer.String(1, name).Message(2, type => type.Message(1, tensor => tensor
            .Int(1, FloatType)
            .Message(2, shape =>
            {
                foreach (long dim in dims)
                {
                    shape.Message(1, d => d.Int(1, dim));
                }
            })));
}
