import type { Scheduler } from './scheduler';

/** One command waiting for, or in, service. */
export interface Job {
  /** Virtual time (scheduler clock) at which the command reached the router. */
  readonly arrival: number;
  /** Runs the command and returns its service time in ms. */
  readonly execute: () => number;
  /** Called at the virtual completion time; replies go out from here. */
  readonly finish: (completion: number) => void;
  started: boolean;
  cancelled: boolean;
}

/**
 * The router's CPU: in `serial` mode one command is served at a time for the whole router (state
 * changes at service start, replies at completion); in `parallel` mode every command starts on arrival.
 * Times are virtual, so sub-millisecond service times add up exactly.
 */
export class Worker {
  private readonly queue: Job[] = [];
  private head = 0;
  private busy = false;
  private busyUntil = 0;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly mode: () => 'serial' | 'parallel',
    private readonly onBusy: (ms: number) => void,
  ) {}

  submit(job: Job): void {
    if (this.mode() === 'parallel') {
      this.start(job, job.arrival, () => undefined);
      return;
    }
    this.queue.push(job);
    if (!this.busy) this.next();
  }

  /** Cancels a job that has not started; returns whether it was cancelled. */
  cancel(job: Job): boolean {
    if (job.started || job.cancelled) return false;
    job.cancelled = true;
    return true;
  }

  /** Jobs waiting for the serial worker. */
  get queued(): number {
    return this.queue.length - this.head;
  }

  private next(): void {
    while (this.head < this.queue.length) {
      const job = this.queue[this.head++]!;
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue.splice(0, this.head);
        this.head = 0;
      }
      if (job.cancelled) continue;
      this.busy = true;
      this.start(job, Math.max(job.arrival, this.busyUntil), (completion) => {
        this.busyUntil = completion;
      });
      return;
    }
    this.busy = false;
  }

  private start(job: Job, startAt: number, onScheduled: (completion: number) => void): void {
    job.started = true;
    let cost = 0;
    try {
      cost = job.execute();
    } catch {
      cost = 0;
    }
    this.onBusy(cost);
    const completion = startAt + cost;
    onScheduled(completion);
    const serial = this.mode() === 'serial';
    this.scheduler.at(completion, () => {
      job.finish(completion);
      if (serial) this.next();
    });
  }
}
