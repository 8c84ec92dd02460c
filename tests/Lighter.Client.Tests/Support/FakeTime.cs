using Microsoft.Extensions.Time.Testing;

namespace Lighter.Client.Tests.Support;

/// <summary>Drives a <see cref="FakeTimeProvider"/> forward while an operation waits on it (retry delays, windows).</summary>
internal static class FakeTime
{
    public static async Task<T> PumpAsync<T>(this FakeTimeProvider time, Task<T> task, TimeSpan step, int maxSteps = 10_000)
    {
        for (var i = 0; i < maxSteps && !task.IsCompleted; i++)
        {
            // Let the awaited I/O make progress, then move the fake clock by one step.
            await Task.WhenAny(task, Task.Delay(2));
            if (!task.IsCompleted) time.Advance(step);
        }

        return await task;
    }

    public static async Task PumpAsync(this FakeTimeProvider time, Task task, TimeSpan step, int maxSteps = 10_000) =>
        await time.PumpAsync(task.ContinueWith(t => { t.GetAwaiter().GetResult(); return 0; }, TaskScheduler.Default), step, maxSteps);
}
