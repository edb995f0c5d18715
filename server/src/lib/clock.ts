/** Time goes through a clock so tests can move it forward instead of sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to. For tests. */
export class ManualClock implements Clock {
  private t: number;
  constructor(start: Date | string = '2026-01-15T06:30:00Z') {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
  advanceMinutes(m: number): void {
    this.advance(m * 60_000);
  }
  set(at: Date | string): void {
    this.t = new Date(at).getTime();
  }
}

const IST_OFFSET_MS = 5.5 * 3600_000;

/** The calendar date in India (IST, UTC+05:30) of an instant, as YYYY-MM-DD. */
export function istDate(d: Date): string {
  return new Date(d.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The year in IST: FIR serials restart on 1 January in India, not in UTC. */
export function istYear(d: Date): number {
  return Number(istDate(d).slice(0, 4));
}
