/** Peak memory during a piece of work, sampled (RSS cannot be reset, so a sampler tracks the maximum). */
export class PeakSampler {
  private peakRss = 0;
  private peakHeap = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  start(intervalMs = 10): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): void {
    const usage = process.memoryUsage();
    if (usage.rss > this.peakRss) this.peakRss = usage.rss;
    if (usage.heapUsed > this.peakHeap) this.peakHeap = usage.heapUsed;
  }

  stop(): { peakRssBytes: number; peakHeapBytes: number } {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.sample();
    return { peakRssBytes: this.peakRss, peakHeapBytes: this.peakHeap };
  }
}

export const MIB = 1024 * 1024;
