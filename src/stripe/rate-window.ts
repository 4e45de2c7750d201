/**
 * Start times for upstream calls such that no window of one second holds more than
 * `perSecond` of them, with a margin: a burst of up to `perSecond` goes at once, the rest are spaced
 * as earlier starts leave the window. Each call reserves its start time when it asks,
 * so a call that would start too late is refused at once instead of after waiting.
 */
export interface RateWindow {
  /**
   * Reserves the earliest allowed start time, or returns null (reserving nothing)
   * when that is after `deadline`. Times are `now()` milliseconds.
   */
  reserve(deadline: number): number | null;
  /**
   * Called when a reserved start has come: how many more milliseconds it must wait, or 0,
   * and then the start is recorded. Reservations are promises made ahead of time; a timer
   * that fires late (a busy event loop) makes a start later than reserved, and the calls
   * reserved after it would then start too close behind it. This checks the starts as
   * they actually happened.
   */
  begin(): number;
  /** No call starts before `until` (Stripe asked to slow down). */
  pause(until: number): void;
}

const WINDOW_MS = 1000;
/**
 * Starts are kept this much more than a second apart: a call reaches Stripe some
 * milliseconds after it starts here, and not always the same number (a busy event
 * loop, the network), so a window of exactly one second here can be a little less there.
 */
const JITTER_MARGIN_MS = 50;

export function createRateWindow(perSecond: number, now: () => number = () => performance.now()): RateWindow {
  // The last `perSecond` reserved start times, oldest at `next` (a ring). Reservations never
  // go back in time, so a new start must wait for the oldest of them to leave the window.
  const starts = new Array<number>(perSecond).fill(-Infinity);
  let next = 0;
  // The last `perSecond` actual start times, oldest at `nextBegun`.
  const begun = new Array<number>(perSecond).fill(-Infinity);
  let nextBegun = 0;
  let pausedUntil = -Infinity;
  return {
    reserve(deadline) {
      const at = Math.max(now(), pausedUntil, starts[next] + WINDOW_MS + JITTER_MARGIN_MS);
      if (at > deadline) return null;
      starts[next] = at;
      next = (next + 1) % perSecond;
      return at;
    },
    begin() {
      const at = now();
      const wait = begun[nextBegun] + WINDOW_MS + JITTER_MARGIN_MS - at;
      if (wait > 0) return wait;
      begun[nextBegun] = at;
      nextBegun = (nextBegun + 1) % perSecond;
      return 0;
    },
    pause(until) {
      pausedUntil = Math.max(pausedUntil, until);
    },
  };
}
