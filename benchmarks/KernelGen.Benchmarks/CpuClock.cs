using System.Diagnostics;
using System.Runtime.InteropServices;

namespace KernelGen.Benchmarks;

/// <summary>
/// The clock the quick mode times with: the calling thread's CPU time where the OS gives it (Linux
/// <c>CLOCK_THREAD_CPUTIME_ID</c>), so time the thread spends descheduled on a shared machine is not counted;
/// elsewhere the wall clock. Every kernel is single-threaded and runs on the calling thread.
/// </summary>
public static class CpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    /// <summary><see langword="true"/> when <see cref="Now"/> is thread CPU time, not wall time.</summary>
    public static bool IsThreadCpuTime { get; } = Probe();

    /// <summary>Seconds on this clock, from an arbitrary origin.</summary>
    public static double Now()
    {
        if (IsThreadCpuTime && ClockGetTime(ClockThreadCpuTimeId, out TimeSpec time) == 0)
        {
            return time.Seconds + time.Nanoseconds * 1e-9;
        }

        return Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
    }

    /// <summary>Seconds on the wall clock, from an arbitrary origin.</summary>
    public static double Wall() => Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64))
        {
            return false;
        }

        try
        {
            return ClockGetTime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);
}
