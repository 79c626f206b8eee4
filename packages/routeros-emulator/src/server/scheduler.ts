import { performance } from 'node:perf_hooks';

interface Event {
  readonly at: number;
  readonly seq: number;
  readonly run: () => void;
}

/**
 * A discrete-event timer queue on the monotonic clock (milliseconds, fractions allowed). Events due at
 * the same time run in the order they were scheduled; due events run synchronously, so a zero-cost
 * emulator answers inside the socket's data handler. One Node timer serves the whole queue.
 */
export class Scheduler {
  private readonly heap: Event[] = [];
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private draining = false;
  private closed = false;

  now(): number {
    return performance.now();
  }

  at(time: number, run: () => void): void {
    if (this.closed) return;
    this.push({ at: time, seq: this.seq++, run });
    this.drain();
  }

  close(): void {
    this.closed = true;
    this.heap.length = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.heap.length > 0 && this.heap[0]!.at <= this.now()) {
        const event = this.pop();
        event.run();
      }
    } finally {
      this.draining = false;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.heap.length > 0 && !this.closed) {
      const delay = Math.max(0, this.heap[0]!.at - this.now());
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.drain();
      }, Math.ceil(delay));
    }
  }

  private less(a: Event, b: Event): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(event: Event): void {
    const heap = this.heap;
    heap.push(event);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): Event {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && this.less(heap[left]!, heap[smallest]!)) smallest = left;
        if (right < heap.length && this.less(heap[right]!, heap[smallest]!)) smallest = right;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
        i = smallest;
      }
    }
    return top;
  }
}
