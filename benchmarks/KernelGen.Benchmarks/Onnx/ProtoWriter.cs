using System.Buffers.Binary;
using System.Text;

namespace KernelGen.Benchmarks.Onnx;

/// <summary>
/// Just enough of the protocol-buffers wire format to write an ONNX model: varint and length-delimited fields,
/// packed repeated integers, and nested messages (written into their own buffer, then length-prefixed).
/// </summary>
internal sealed class ProtoWriter
{
    private const int VarintWire = 0, LengthDelimitedWire = 2;

    private readonly List<byte> _bytes = [];

    public byte[] ToArray() => [.. _bytes];

    public ProtoWriter Int(int field, long value)
    {
        Key(field, VarintWire);
        Varint((ulong)value);
        return this;
    }

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        Key(field, LengthDelimitedWire);
        Varint((ulong)value.Length);
        foreach (byte b in value)
        {
            _bytes.Add(b);
        }

        return this;
    }

    /// <summary>A repeated int64 field, packed (one length-delimited run of varints).</summary>
    public ProtoWriter PackedInts(int field, IEnumerable<long> values)
    {
        var packed = new ProtoWriter();
        foreach (long value in values)
        {
            packed.Varint((ulong)value);
        }

        return Bytes(field, packed.ToArray());
    }

    /// <summary>A nested message, written by <paramref name="write"/>.</summary>
    public ProtoWriter Message(int field, Action<ProtoWriter> write)
    {
        var nested = new ProtoWriter();
        write(nested);
        return Bytes(field, nested.ToArray());
    }

    /// <summary>Little-endian bytes of <paramref name="values"/>, as a tensor's raw data holds them.</summary>
    public static byte[] RawData(ReadOnlySpan<float> values)
    {
        var raw = new byte[values.Length * sizeof(float)];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * sizeof(float)), values[i]);
        }

        return raw;
    }

    private void Key(int field, int wireType) => Varint((ulong)((field << 3) | wireType));

    private void Varint(ulong value)
    {
        while (value >= 0x80)
        {
            _bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        _bytes.Add((byte)value);
    }
}
