import type { Calendar } from './calendar.js';

/** What a model gives the simulator: one handler for every event kind it schedules. */
export interface Dispatcher {
  dispatch(kind: number, data: number): void;
}

/**
 * The simulation loop: pop the next event (which advances the clock, `calendar.now`), dispatch
 * it, repeat until no event is pending or the next one lies after `until`. Nothing else lives
 * here (SimPy's `step()`): models stop themselves by not scheduling more events.
 *
 * Returns the number of events processed by this call.
 */
export function simulate(calendar: Calendar, model: Dispatcher, until = Infinity): number {
  const before = calendar.popped;
  if (until === Infinity) {
    while (calendar.pop()) model.dispatch(calendar.kind, calendar.data);
  } else {
    while (calendar.peekTime() <= until && calendar.pop()) model.dispatch(calendar.kind, calendar.data);
  }
  return calendar.popped - before;
}
