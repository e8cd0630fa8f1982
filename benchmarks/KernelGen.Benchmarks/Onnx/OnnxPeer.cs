using Microsoft.ML.OnnxRuntime;

namespace KernelGen.Benchmarks.Onnx;

/// <summary>
/// ONNX Runtime running a single-operator model on one thread, its input and output bound once (IOBinding) to the
/// benchmark's own arrays, so a timed <see cref="Run"/> is the operator and the call into the runtime, no copies.
/// </summary>
internal sealed class OnnxPeer : IPeerKernel
{
    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly OrtValue _input, _output;
    private readonly OrtIoBinding _binding;

    public OnnxPeer(byte[] model, OnnxLayer layer, float[] input, float[] output)
    {
        _options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(model, _options);
        _input = OrtValue.CreateTensorValueFromMemory(input, [1, layer.InChannels, layer.Height, layer.Width]);
        _output = OrtValue.CreateTensorValueFromMemory(output, [1, layer.OutChannels, layer.OutHeight, layer.OutWidth]);
        _binding = _session.CreateIoBinding();
        _binding.BindInput(OnnxModel.InputName, _input);
        _binding.BindOutput(OnnxModel.OutputName, _output);
    }

    /// <summary>The runtime's version, for the table's heading.</summary>
    public static string Version => OrtEnv.Instance().GetVersionString();

    public void Run() => _session.RunWithBinding(_runOptions, _binding);

    public void Dispose()
    {
        _binding.Dispose();
        _output.Dispose();
        _input.Dispose();
        _runOptions.Dispose();
        _session.Dispose();
        _options.Dispose();
    }
}
