using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace KernelGen.Kernels.Tests;

/// <summary>
/// Page-level memory from the Linux kernel (mmap, mprotect, munmap through libc), for spans whose neighbourhood
/// is inaccessible or that are far longer than any array: <see cref="GuardedRegion"/> puts a span right against
/// a page that faults on any access, <see cref="Reserve"/> maps gigabytes of read-only zero pages that cost
/// nothing until touched. No <c>unsafe</c> code: addresses become references through <see cref="Unsafe"/>.
/// </summary>
public static class NativePages
{
    private const int ProtNone = 0, ProtRead = 1, ProtWrite = 2;
    private const int MapPrivate = 0x02, MapAnonymous = 0x20, MapNoReserve = 0x4000;

    public static int PageSize { get; } = Environment.SystemPageSize;

    /// <summary>True where the calls below work (the x64 and arm64 Linux constants are the same).</summary>
    public static bool Supported => OperatingSystem.IsLinux();

    /// <summary>A span of <paramref name="length"/> elements at <paramref name="address"/>.</summary>
    public static Span<T> At<T>(nint address, int length)
        => MemoryMarshal.CreateSpan(ref Unsafe.As<byte, T>(ref Unsafe.AddByteOffset(ref Unsafe.NullRef<byte>(), address)), length);

    /// <summary>
    /// Maps <paramref name="elements"/> elements of read-only zero pages (no swap reserved, nothing resident until
    /// read): a span as long as an <c>int</c> allows, for calls that must be rejected before they read anything.
    /// </summary>
    public static Reservation Reserve<T>(long elements)
        where T : unmanaged
    {
        nuint bytes = RoundUp((nuint)(elements * Unsafe.SizeOf<T>()));
        nint address = Map(bytes, ProtRead, MapNoReserve);
        return new Reservation(address, bytes);
    }

    /// <summary>Stops the child process from writing a core file when a kernel faults on purpose-built guard pages.</summary>
    public static void DisableCoreDumps()
    {
        var none = new ResourceLimit(0, 0);
        if (getrlimit(RlimitCore, out ResourceLimit current) == 0)
        {
            none = new ResourceLimit(0, current.Max);
        }

        _ = setrlimit(RlimitCore, in none);
    }

    internal static nint Map(nuint bytes, int protection, int extraFlags = 0)
    {
        nint address = mmap(0, bytes, protection, MapPrivate | MapAnonymous | extraFlags, -1, 0);
        if (address == -1)
        {
            throw new InvalidOperationException($"mmap of {bytes} bytes failed: errno {Marshal.GetLastPInvokeError()}.");
        }

        return address;
    }

    internal static void Protect(nint address, nuint bytes, bool accessible)
    {
        if (mprotect(address, bytes, accessible ? ProtRead | ProtWrite : ProtNone) != 0)
        {
            throw new InvalidOperationException($"mprotect failed: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    internal static void Unmap(nint address, nuint bytes)
    {
        if (address != 0 && munmap(address, bytes) != 0)
        {
            throw new InvalidOperationException($"munmap failed: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    internal static nuint RoundUp(nuint bytes) => (bytes + (nuint)PageSize - 1) / (nuint)PageSize * (nuint)PageSize;

    private const int RlimitCore = 4;

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct ResourceLimit(ulong Current, ulong Max);

    // Blittable signatures only: plain DllImport needs neither marshalling stubs nor unsafe code.
    [DllImport("libc", SetLastError = true)]
    private static extern nint mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [DllImport("libc", SetLastError = true)]
    private static extern int mprotect(nint address, nuint length, int protection);

    [DllImport("libc", SetLastError = true)]
    private static extern int munmap(nint address, nuint length);

    [DllImport("libc", SetLastError = true)]
    private static extern int getrlimit(int resource, out ResourceLimit limit);

    [DllImport("libc", SetLastError = true)]
    private static extern int setrlimit(int resource, in ResourceLimit limit);

    /// <summary>Read-only zero pages; <see cref="Span{T}"/> views them, <see cref="Dispose"/> unmaps them.</summary>
    public sealed class Reservation(nint address, nuint bytes) : IDisposable
    {
        public ReadOnlySpan<T> Span<T>(int length) => At<T>(address, length);

        public void Dispose() => Unmap(address, bytes);
    }
}

/// <summary>
/// Memory laid out as [inaccessible page][data pages][inaccessible page]: a span placed with <see cref="AtEnd{T}"/>
/// ends exactly where the back guard page begins, one placed with <see cref="AtStart{T}"/> begins exactly where the
/// front guard page ends. A kernel that touches one element past either end of such a span faults, which .NET turns
/// into a fatal AccessViolationException: run it in a child process. The data pages grow on demand and are reused.
/// </summary>
public sealed class GuardedRegion : IDisposable
{
    private nint mapping;
    private nuint dataBytes;

    private nint DataStart => mapping + NativePages.PageSize;

    private nint DataEnd => DataStart + (nint)dataBytes;

    /// <summary>
    /// A span of <paramref name="length"/> elements whose last element ends at the back guard page; with
    /// <paramref name="intoGuard"/> &gt; 0 the span is longer by that many elements, all inside the guard page
    /// (a span longer than its shape whose unused tail cannot be touched).
    /// </summary>
    public Span<T> AtEnd<T>(int length, int intoGuard = 0)
        where T : unmanaged
    {
        Ensure(length * Unsafe.SizeOf<T>());
        if (intoGuard * Unsafe.SizeOf<T>() > NativePages.PageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(intoGuard), "The tail must fit the guard page.");
        }

        return NativePages.At<T>(DataEnd - length * Unsafe.SizeOf<T>(), length + intoGuard);
    }

    /// <summary>A span of <paramref name="length"/> elements starting right after the front guard page.</summary>
    public Span<T> AtStart<T>(int length)
        where T : unmanaged
    {
        Ensure(length * Unsafe.SizeOf<T>());
        return NativePages.At<T>(DataStart, length);
    }

    /// <summary>All the accessible bytes, to fill the memory around a span and to check it afterwards.</summary>
    public Span<byte> Data => NativePages.At<byte>(DataStart, (int)dataBytes);

    public void Dispose()
    {
        NativePages.Unmap(mapping, dataBytes + 2 * (nuint)NativePages.PageSize);
        mapping = 0;
        dataBytes = 0;
    }

    private void Ensure(int bytes)
    {
        nuint needed = NativePages.RoundUp((nuint)Math.Max(bytes, 1));
        if (needed <= dataBytes)
        {
            return;
        }

        Dispose();
        nuint size = Math.Max(needed, 2 * dataBytes);
        nuint page = (nuint)NativePages.PageSize;
        mapping = NativePages.Map(size + 2 * page, 0);
        NativePages.Protect(mapping + (nint)page, size, accessible: true);
        dataBytes = size;
    }
}
