import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Countdown, SessionTimeout } from './session-timeout.js';
import { fakeTime } from '../test/fake-time.js';

/** The smallest controller host. */
function host(): ReactiveControllerHost & { controllers: ReactiveController[]; updates: number } {
  return {
    controllers: [],
    updates: 0,
    addController(c) {
      this.controllers.push(c);
    },
    removeController() {},
    requestUpdate() {
      this.updates++;
    },
    updateComplete: Promise.resolve(true),
  };
}

describe('Countdown', () => {
  it('counts whole seconds down from the server-given value and calls onDone once', () => {
    const time = fakeTime();
    const seen: number[] = [];
    let done = 0;
    const countdown = new Countdown(host(), {
      time,
      onTick: (s) => seen.push(s),
      onDone: () => done++,
    });
    countdown.start(3);
    expect(countdown.remaining).to.equal(3);
    time.advance(1000);
    expect(countdown.remaining).to.equal(2);
    time.advance(2000);
    expect(seen).to.deep.equal([2, 1, 0]);
    expect(done).to.equal(1);
    expect(countdown.running).to.equal(false);
    expect(time.timers).to.equal(0);
    time.advance(5000);
    expect(done).to.equal(1);
  });

  it('pauses its timer while the host is disconnected and keeps the same deadline', () => {
    const time = fakeTime();
    const h = host();
    const countdown = new Countdown(h, { time });
    countdown.start(10);
    h.controllers[0]!.hostDisconnected!();
    expect(time.timers).to.equal(0);
    time.advance(4000);
    h.controllers[0]!.hostConnected!();
    expect(countdown.remaining).to.equal(6);
  });
});

describe('SessionTimeout', () => {
  it('warns once warnBefore seconds before the end, expires at the end, and re-arms', () => {
    const time = fakeTime();
    const warnings: number[] = [];
    let expired = 0;
    const timeout = new SessionTimeout(host(), {
      time,
      warnBefore: () => 5,
      onWarn: (s) => warnings.push(s),
      onExpire: () => expired++,
    });
    timeout.arm(20);
    time.advance(14000);
    expect(warnings).to.deep.equal([]);
    time.advance(1000);
    expect(warnings).to.deep.equal([5]);
    time.advance(3000);
    expect(warnings).to.deep.equal([5]);
    timeout.arm(20); // stay signed in
    expect(timeout.warned).to.equal(false);
    time.advance(15000);
    expect(warnings).to.deep.equal([5, 5]);
    time.advance(5000);
    expect(expired).to.equal(1);
    expect(timeout.armed).to.equal(false);
  });

  it('warns at once when the session is already shorter than warnBefore; disarm stops everything', () => {
    const time = fakeTime();
    let warned = 0;
    let expired = 0;
    const timeout = new SessionTimeout(host(), {
      time,
      warnBefore: () => 120,
      onWarn: () => warned++,
      onExpire: () => expired++,
    });
    timeout.arm(30);
    expect(warned).to.equal(1);
    timeout.disarm();
    time.advance(60000);
    expect(expired).to.equal(0);
  });
});
