/**
 * Redials: when the log names customers, a call by the same customer within a window after an
 * earlier call's end. After an abandonment this is the retrial probability of the literature
 * (Hoffmann & Stöber's "redials"; Mandelbaum & Zeltyn's "retrials"); after a service it is a
 * repeat contact. Only agent-seeking calls by identified customers count, so the shares are
 * among those customers' calls; calls dropped from the log (VRU hang-ups …) are not seen.
 *
 * The fitted scenario does not add `retrial`: the observed arrivals already contain the redials,
 * and simulating both would count them twice. The figures say how much of the load is redials.
 */
import type { CallRecord } from './call-log.js';

export const REDIAL_WINDOWS_SEC = [3600, 86_400] as const;

export interface Redials {
  identifiedCalls: number;
  identifiedCustomers: number;
  afterAbandon: { calls: number; redialedWithin1h: number; redialedWithin24h: number; meanDelaySecWithin24h: number | null };
  afterService: { calls: number; calledAgainWithin1h: number; calledAgainWithin24h: number };
  /** Share of all agent-seeking calls that are a redial within 24 h of an abandonment. */
  redialShareOfCalls: number;
}

export function redials(calls: readonly CallRecord[]): Redials | null {
  const byCustomer = new Map<string, CallRecord[]>();
  for (const c of calls) {
    if (c.customer === null) continue;
    let list = byCustomer.get(c.customer);
    if (!list) byCustomer.set(c.customer, (list = []));
    list.push(c);
  }
  if (byCustomer.size === 0) return null;
  const endOf = (c: CallRecord) => (c.serviceStartSec !== null && c.serviceSec !== null ? c.serviceStartSec + c.serviceSec : c.arrivalSec + c.waitSec);
  const ab = { calls: 0, h1: 0, h24: 0, delay: 0 };
  const sv = { calls: 0, h1: 0, h24: 0 };
  let identified = 0;
  for (const list of byCustomer.values()) {
    identified += list.length;
    for (let i = 0; i < list.length; i++) {
      const c = list[i]!;
      const next = list[i + 1];
      const gap = next ? next.arrivalSec - endOf(c) : Infinity;
      if (c.outcome === 'abandoned') {
        ab.calls++;
        if (gap <= 3600) ab.h1++;
        if (gap <= 86_400) {
          ab.h24++;
          ab.delay += Math.max(0, gap);
        }
      } else {
        sv.calls++;
        if (gap <= 3600) sv.h1++;
        if (gap <= 86_400) sv.h24++;
      }
    }
  }
  return {
    identifiedCalls: identified,
    identifiedCustomers: byCustomer.size,
    afterAbandon: { calls: ab.calls, redialedWithin1h: ab.h1, redialedWithin24h: ab.h24, meanDelaySecWithin24h: ab.h24 > 0 ? ab.delay / ab.h24 : null },
    afterService: { calls: sv.calls, calledAgainWithin1h: sv.h1, calledAgainWithin24h: sv.h24 },
    redialShareOfCalls: calls.length > 0 ? ab.h24 / calls.length : 0,
  };
}
