import type { TimeSource } from '../login/session-timeout.js';

/** A test clock whose time and timers move only when `advance` is called. */
export interface FakeTime extends TimeSource {
  /** Moves time forward, firing the timers every 250 ms of it, as real timers would. */
  advance(ms: number): void;
  /** How many timers are running. */
  readonly timers: number;
}

/** A clock and timers moved by hand. */
export function fakeTime(): FakeTime {
  let now = 0;
  const ticks = new Set<() => void>();
  return {
    now: () => now,
    every: (_ms, tick) => {
      ticks.add(tick);
      return () => ticks.delete(tick);
    },
    advance(ms: number) {
      for (let i = 0; i < ms; i += 250) {
        now += Math.min(250, ms - i);
        for (const tick of [...ticks]) tick();
      }
    },
    get timers() {
      return ticks.size;
    },
  };
}
