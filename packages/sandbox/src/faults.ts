/**
 * Scenario controls: added latency and injected faults, for demos and tests of what a weak network
 * and a struggling ministry back end do to a client.
 */

/** What an injected fault does. */
export type FaultKind =
  /** A problem response with this status (`Retry-After: 1` on 429 and 503). */
  | 429
  | 500
  | 502
  | 503
  | 504
  /** The response never comes (until the client gives up or `hangMs` passes). */
  | 'timeout'
  /** The connection is dropped: a network error for the client. */
  | 'drop'
  /** A 200 whose body is not valid JSON. */
  | 'malformed';

/** One fault rule. */
export interface FaultRule {
  kind: FaultKind;
  /** operationIds it applies to; all operations when omitted. */
  operations?: string[];
  /** Chance per matching request, 0 to 1 (default 1). Drawn from a seeded generator: repeatable. */
  rate?: number;
  /** How many times it fires before it is spent (default: no limit). */
  count?: number;
  /**
   * `before` (default): the request never reaches the service. `after`: the service handles it
   * and then the response is lost — the case idempotency keys exist for.
   */
  phase?: 'before' | 'after';
}

/** The scenario: latency plus fault rules. */
export interface Scenario {
  /** Added to every contract operation, in milliseconds. */
  latencyMs?: number;
  faults?: FaultRule[];
}

/** Thrown to make the server drop the connection (the in-process fetch rejects with a TypeError). */
export class DroppedConnection extends Error {
  constructor() {
    super('connection dropped by a sandbox fault');
    this.name = 'DroppedConnection';
  }
}

/** Holds the current scenario and decides, request by request, which fault fires. */
export class FaultController {
  #latencyMs = 0;
  #rules: (FaultRule & { fired: number })[] = [];
  #seed: number;
  #random: () => number;

  constructor(seed = 20261125) {
    this.#seed = seed;
    this.#random = mulberry32(seed);
  }

  /** Replaces the scenario. */
  set(scenario: Scenario): void {
    this.#latencyMs = Math.max(0, scenario.latencyMs ?? 0);
    this.#rules = (scenario.faults ?? []).map((rule) => ({ ...rule, fired: 0 }));
    this.#random = mulberry32(this.#seed);
  }

  /** Removes latency and every fault. */
  clear(): void {
    this.set({});
  }

  /** The scenario in force (spent rules included, with how often they fired). */
  get scenario(): Scenario & { faults: (FaultRule & { fired: number })[] } {
    return { latencyMs: this.#latencyMs, faults: this.#rules.map((rule) => ({ ...rule })) };
  }

  get latencyMs(): number {
    return this.#latencyMs;
  }

  /** The fault that fires for this operation and phase, if any (and counts it). */
  draw(operationId: string, phase: 'before' | 'after'): FaultKind | null {
    for (const rule of this.#rules) {
      if ((rule.phase ?? 'before') !== phase) continue;
      if (rule.operations && !rule.operations.includes(operationId)) continue;
      if (rule.count !== undefined && rule.fired >= rule.count) continue;
      if (rule.rate !== undefined && rule.rate < 1 && this.#random() >= rule.rate) continue;
      rule.fired += 1;
      return rule.kind;
    }
    return null;
  }
}

/** A small seeded generator, so a fault rate gives the same sequence on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Parses a CLI fault such as `503`, `drop:0.2`, `timeout:1:createPayment,getPayment`. */
export function parseFault(text: string): FaultRule {
  const [kindText = '', rateText, opsText] = text.split(':');
  const kind = /^\d+$/.test(kindText) ? Number(kindText) : kindText;
  if (![429, 500, 502, 503, 504, 'timeout', 'drop', 'malformed'].includes(kind)) {
    throw new Error(
      `unknown fault kind "${kindText}" (429, 500, 502, 503, 504, timeout, drop, malformed)`,
    );
  }
  const rule: FaultRule = { kind: kind as FaultKind };
  if (rateText) {
    const rate = Number(rateText);
    if (!(rate >= 0 && rate <= 1))
      throw new Error(`fault rate must be between 0 and 1, got "${rateText}"`);
    rule.rate = rate;
  }
  if (opsText) rule.operations = opsText.split(',').filter(Boolean);
  return rule;
}
