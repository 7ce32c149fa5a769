import type { NetworkImpact } from '../scoring';
import type { SharedState } from './shared-state';

/**
 * How instances tell each other about full rescores: the one that ran it stores the new network
 * impact in the shared state and announces it on the `rescored` channel; the others load it on
 * the message (and any instance that starts later loads it rather than rescoring everyone).
 */
export class ScoringCluster {
  private readonly listeners: ((impact: NetworkImpact) => void)[] = [];

  constructor(private readonly state: SharedState, private readonly instanceId: string) {}

  async start(): Promise<void> {
    await this.state.subscribe('rescored', (message) => {
      const { from } = JSON.parse(message) as { from: string };
      if (from === this.instanceId) return;
      void this.loadImpact().then((impact) => impact && this.listeners.forEach((l) => l(impact)));
    });
  }

  onRescored(listener: (impact: NetworkImpact) => void): void {
    this.listeners.push(listener);
  }

  async announceRescore(impact: NetworkImpact): Promise<void> {
    await this.state.set('network-impact', serializeImpact(impact));
    await this.state.publish('rescored', JSON.stringify({ from: this.instanceId, asOf: impact.asOf }));
  }

  async loadImpact(): Promise<NetworkImpact | undefined> {
    const text = await this.state.get('network-impact');
    return text ? deserializeImpact(text) : undefined;
  }
}

const b64 = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
const f64 = (s: string) => {
  const b = Buffer.from(s, 'base64');
  return new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
};

export function serializeImpact(impact: NetworkImpact): string {
  return JSON.stringify({
    asOf: impact.asOf,
    halfLifeDays: impact.halfLifeDays,
    onward: impact.onward,
    edgeCount: impact.edgeCount,
    personIds: b64(impact.personIds),
    onwardAudience: b64(impact.onwardAudience),
    onwardBefore: b64(impact.onwardBefore),
    transmissibility: b64(impact.transmissibility),
    reactionsGiven: b64(impact.reactionsGiven),
  });
}

/** The impact another instance published, or undefined when it was written in an older format (the next full rescore replaces it). */
export function deserializeImpact(text: string): NetworkImpact | undefined {
  const v = JSON.parse(text);
  if (typeof v.onwardAudience !== 'string' || typeof v.onwardBefore !== 'string' || typeof v.transmissibility !== 'string') return undefined;
  return {
    asOf: v.asOf,
    halfLifeDays: v.halfLifeDays,
    onward: v.onward,
    edgeCount: v.edgeCount,
    personIds: f64(v.personIds),
    onwardAudience: f64(v.onwardAudience),
    onwardBefore: f64(v.onwardBefore),
    transmissibility: f64(v.transmissibility),
    reactionsGiven: f64(v.reactionsGiven),
  };
}
