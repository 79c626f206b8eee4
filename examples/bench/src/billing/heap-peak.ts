/**
 * Peak heap of a piece of work, including the synchronous stretches a timer-based sampler never sees: V8's
 * GC profiler reports the heap in use just before every collection (minor ones included), which is where
 * the used heap peaks between collections; explicit samples cover the rest.
 */
import { GCProfiler } from 'node:v8';

export class HeapPeak {
  private readonly profiler = new GCProfiler();
  private peakHeap = 0;
  private peakRss = 0;
  private collections = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  start(intervalMs = 5): void {
    this.profiler.start();
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): void {
    const usage = process.memoryUsage();
    if (usage.rss > this.peakRss) this.peakRss = usage.rss;
    if (usage.heapUsed > this.peakHeap) this.peakHeap = usage.heapUsed;
  }

  stop(): { peakHeapBytes: number; peakRssBytes: number; collections: number } {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.sample();
    const result = this.profiler.stop();
    for (const entry of result?.statistics ?? []) {
      this.collections++;
      const before = entry.beforeGC.heapStatistics.usedHeapSize;
      if (before > this.peakHeap) this.peakHeap = before;
    }
    return { peakHeapBytes: this.peakHeap, peakRssBytes: this.peakRss, collections: this.collections };
  }
}
