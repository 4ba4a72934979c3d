import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Where countdowns read the time and schedule their ticks. `now()` is a monotonic clock in
 * milliseconds (`performance.now()`), so a countdown measures time elapsed since the server said
 * how many seconds were left, never the device's wall clock (often wrong on phones).
 */
export interface TimeSource {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Calls `tick` every `ms` milliseconds until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

/** The browser's monotonic clock and timers. */
export const systemTime: TimeSource = {
  now: () => performance.now(),
  every: (ms, tick) => {
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  },
};

/** How often a countdown looks at the clock: often enough that whole seconds show on time. */
const TICK_MS = 250;

/** Options of a {@link Countdown}. */
export interface CountdownOptions {
  /** The clock and timers (tests pass their own). */
  time?: TimeSource;
  /** Called when the whole seconds left change. */
  onTick?: (remaining: number) => void;
  /** Called once when the countdown reaches zero. */
  onDone?: () => void;
}

/**
 * Whole seconds left until a deadline given relative to now (`start(60)`), re-rendering its host
 * each second. Pauses while the host is disconnected and resumes, against the same deadline,
 * when it is connected again.
 */
export class Countdown implements ReactiveController {
  /** Whole seconds left (rounded up); 0 when not running. */
  remaining = 0;
  private deadline = 0;
  private active = false;
  private cancel?: () => void;
  private readonly time: TimeSource;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CountdownOptions = {},
  ) {
    this.time = options.time ?? systemTime;
    host.addController(this);
  }

  /** Whether the countdown is running. */
  get running(): boolean {
    return this.active;
  }

  /** Starts (or restarts) counting down `seconds` from now. */
  start(seconds: number): void {
    this.stop();
    this.deadline = this.time.now() + Math.max(0, seconds) * 1000;
    this.remaining = Math.max(0, Math.ceil(seconds));
    this.active = true;
    this.schedule();
    this.host.requestUpdate();
  }

  /** Stops without calling `onDone`. */
  stop(): void {
    this.cancel?.();
    this.cancel = undefined;
    this.active = false;
    this.remaining = 0;
  }

  /** Looks at the clock now (also what each timer tick does). */
  tick(): void {
    if (!this.active) return;
    const left = Math.max(0, Math.ceil((this.deadline - this.time.now()) / 1000));
    if (left !== this.remaining) {
      this.remaining = left;
      this.options.onTick?.(left);
      this.host.requestUpdate();
    }
    if (left === 0) {
      this.stop();
      this.options.onDone?.();
      this.host.requestUpdate();
    }
  }

  hostConnected(): void {
    if (this.active && !this.cancel) {
      this.schedule();
      this.tick();
    }
  }

  hostDisconnected(): void {
    this.cancel?.();
    this.cancel = undefined;
  }

  private schedule(): void {
    this.cancel = this.time.every(TICK_MS, () => this.tick());
  }
}

/** Options of a {@link SessionTimeout}. */
export interface SessionTimeoutOptions {
  /** Seconds before the end at which to warn (read at each tick, so the property can change). */
  warnBefore: () => number;
  /** The warning is due. */
  onWarn: (secondsLeft: number) => void;
  /** The time the server gave has run out. */
  onExpire: () => void;
  /** Whole seconds left changed (while armed). */
  onTick?: (secondsLeft: number) => void;
  /** The clock and timers (tests pass their own). */
  time?: TimeSource;
}

/**
 * The session-timeout warning's clock: armed with the server's `secondsLeft`, it calls `onWarn`
 * once when `warnBefore()` seconds are left and `onExpire` at the end. Re-arming (after "stay
 * signed in") starts over.
 */
export class SessionTimeout {
  /** Whether the warning is due (from `onWarn` until the next `arm` or `disarm`). */
  warned = false;
  private readonly countdown: Countdown;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: SessionTimeoutOptions,
  ) {
    this.countdown = new Countdown(host, {
      time: options.time,
      onTick: (left) => {
        options.onTick?.(left);
        this.check();
      },
      onDone: () => options.onExpire(),
    });
  }

  /** Seconds left in the session as last measured. */
  get secondsLeft(): number {
    return this.countdown.remaining;
  }

  /** Whether a session is being timed. */
  get armed(): boolean {
    return this.countdown.running;
  }

  /** Starts timing a session that the server says ends in `secondsLeft` seconds. */
  arm(secondsLeft: number): void {
    this.warned = false;
    this.countdown.start(secondsLeft);
    this.check();
  }

  /** Stops timing (sign-out). */
  disarm(): void {
    this.warned = false;
    this.countdown.stop();
  }

  private check(): void {
    const left = this.countdown.remaining;
    if (!this.warned && this.countdown.running && left > 0 && left <= this.options.warnBefore()) {
      this.warned = true;
      this.options.onWarn(left);
    }
  }
}
