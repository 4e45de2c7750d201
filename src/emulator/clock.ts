import type { Clock } from './types.js';

/** The emulator's clock: moves only when told (advance), or also in real time at a chosen speed. */
export interface ControllableClock extends Clock {
  /** Runs `fn` when emulator time reaches `at` (unix seconds); a timer already due runs at the next advance. */
  schedule(at: number, fn: () => unknown): void;
  /** Number of timers not yet run. */
  pendingTimers(): number;
  /** Drops every pending timer (emulator reset). */
  clearTimers(): void;
  /** Stops real-time ticking. */
  close(): void;
}

export interface ClockOptions {
  startTime?: number;
  realtimeSpeed?: number;
  /** Runs a due timer; the emulator wraps timers in a store transaction. */
  runTimer?: (fn: () => unknown) => Promise<void>;
}

interface Timer {
  at: number;
  seq: number;
  fn: () => unknown;
}

const TICK_MS = 100;

export function createClock(opts: ClockOptions = {}): ControllableClock {
  let nowMs = (opts.startTime ?? Math.floor(Date.now() / 1000)) * 1000;
  let timers: Timer[] = [];
  let seq = 0;
  // Advances run one after another, so timers fire in time order even when callers overlap.
  let chain: Promise<void> = Promise.resolve();
  const runTimer = opts.runTimer ?? (async (fn: () => unknown) => void (await fn()));

  function nextDue(limitMs: number): Timer | undefined {
    let best: Timer | undefined;
    for (const t of timers) {
      if (t.at * 1000 > limitMs) continue;
      if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    }
    return best;
  }

  async function advanceBy(ms: number): Promise<void> {
    const target = nowMs + ms;
    for (let t = nextDue(target); t; t = nextDue(target)) {
      const due = t;
      timers = timers.filter((x) => x !== due);
      nowMs = Math.max(nowMs, due.at * 1000);
      await runTimer(due.fn);
    }
    nowMs = target;
  }

  const clock: ControllableClock = {
    now: () => Math.floor(nowMs / 1000),
    advance(seconds: number) {
      if (!Number.isFinite(seconds) || seconds < 0) return Promise.reject(new RangeError('seconds must be a non-negative number'));
      const run = chain.then(() => advanceBy(seconds * 1000));
      chain = run.catch(() => undefined);
      return run;
    },
    schedule(at, fn) {
      timers.push({ at, seq: seq++, fn });
    },
    pendingTimers: () => timers.length,
    clearTimers() {
      timers = [];
    },
    close() {
      if (ticker) clearInterval(ticker);
      ticker = undefined;
    },
  };

  let ticker: NodeJS.Timeout | undefined;
  if (opts.realtimeSpeed && opts.realtimeSpeed > 0) {
    const speed = opts.realtimeSpeed;
    let last = performance.now();
    ticker = setInterval(() => {
      const real = performance.now();
      const elapsed = real - last;
      last = real;
      const run = chain.then(() => advanceBy(elapsed * speed));
      chain = run.catch(() => undefined);
    }, TICK_MS);
    ticker.unref();
  }
  return clock;
}
