/**
 * List memberships (BRIEF §1.3–§1.5). Each time an entry rule is met an entry is triggered; after the
 * notice window it takes effect, and it ends at the earliest of: its fixed duration, the moment its causing
 * facts stop having effect (always, and the only end for `while-cause` lists), and the list's repeal.
 *
 * Notice windows follow the usual way of counting legal periods: the day of the triggering fact is not
 * counted, the window is the next `n` calendar or working days, and the entry takes effect the day after.
 * A zero-day notice takes effect on the day of the fact.
 *
 * Only local records and ratings are considered: foreign records never put an entity on a local list.
 */
import type { CompiledList, CompiledPack } from './compile.js';
import { addDuration, fromDay, NEVER } from './dates.js';
import { factOf, type RecordEffect } from './effects.js';
import type { ListMembership, MembershipState, Remedies } from './model.js';
import type { RatingSpan } from './ratings.js';

/** One triggered entry of one list. */
interface Episode {
  readonly trigger: number;
  readonly start: number;
  readonly end: number;
  readonly facts: readonly RecordEffect[];
}

/**
 * The entity's membership of each list on `atDay`, indexed like `pack.lists` (undefined: never triggered).
 * When several entries overlap, the membership reports the active ones merged (earliest start, latest end,
 * all facts); otherwise the next pending entry; otherwise the most recently expired one.
 */
export function memberships(
  pack: CompiledPack,
  effects: readonly RecordEffect[],
  ratings: readonly RatingSpan[],
  atDay: number,
): (ListMembership | undefined)[] {
  const out: (ListMembership | undefined)[] = new Array(pack.lists.length);
  for (const list of pack.lists) {
    if (!(list.usesRecords && effects.length > 0) && !(list.usesRatings && ratings.length > 0)) continue;
    const pick = new EpisodePicker(pack, list, atDay);
    for (const rule of list.rules) {
      if (rule.kind === 'rating') {
        for (const span of ratings) {
          if (span.scheme === rule.scheme && rule.grades.has(span.grade)) pick.offer(span.from, span.to, [span.effect]);
        }
      } else if (rule.atLeast === 1) {
        for (const e of effects) if (rule.match(e.record)) pick.offer(e.from, e.to, [e]);
      } else {
        offerCounted(pick, effects, rule.match, rule.atLeast, rule.withinDays);
      }
    }
    out[list.index] = pick.membership();
  }
  return out;
}

/** N matching records whose start dates fall within the window; the entry lasts while all N have effect. */
function offerCounted(pick: EpisodePicker, effects: readonly RecordEffect[], match: (r: RecordEffect['record']) => boolean, atLeast: number, withinDays: number): void {
  const matching: RecordEffect[] = [];
  for (const e of effects) if (match(e.record)) matching.push(e);
  if (matching.length < atLeast) return;
  matching.sort((a, b) => a.from - b.from);
  for (let i = atLeast - 1; i < matching.length; i++) {
    const group = matching.slice(i - atLeast + 1, i + 1);
    if (matching[i]!.from - group[0]!.from < withinDays) {
      let causeEnd = NEVER;
      for (const g of group) causeEnd = Math.min(causeEnd, g.to);
      pick.offer(matching[i]!.from, causeEnd, group);
    }
  }
}

/** Turns triggers into entries and keeps the ones that decide the membership reported on `atDay`. */
class EpisodePicker {
  private active: Episode[] | undefined;
  private pending: Episode | undefined;
  private expired: Episode | undefined;

  constructor(
    private readonly pack: CompiledPack,
    private readonly list: CompiledList,
    private readonly atDay: number,
  ) {}

  offer(trigger: number, causeEnd: number, facts: readonly RecordEffect[]): void {
    const { list, atDay } = this;
    // No retroactive listing: the list must be in force when the fact occurs.
    if (trigger < list.effective.from || trigger >= list.effective.to || trigger > atDay) return;
    const start = entryStart(this.pack, list, trigger);
    let end = Math.min(causeEnd, list.effective.to);
    if (list.fixed) end = Math.min(end, addDuration(start, list.fixed));
    const e: Episode = { trigger, start, end, facts };
    if (atDay < start) {
      if (atDay < end && (!this.pending || start < this.pending.start)) this.pending = e;
    } else if (atDay < end) {
      (this.active ??= []).push(e);
      // An entry whose cause ended during its notice window never took effect: nothing to report.
    } else if (start < end && (!this.expired || end > this.expired.end)) {
      this.expired = e;
    }
  }

  membership(): ListMembership | undefined {
    if (this.active) return toMembership(this.list, 'active', merge(this.active));
    if (this.pending) return toMembership(this.list, 'pending', this.pending);
    if (this.expired) return toMembership(this.list, 'expired', this.expired);
    return undefined;
  }
}

/** The first day an entry of `list` triggered on day `trigger` takes effect, after its notice window. */
export function entryStart(pack: CompiledPack, list: CompiledList, trigger: number): number {
  const { days, unit } = list.source.notice;
  if (days === 0) return trigger;
  return (unit === 'working' ? pack.calendar.addWorkingDays(trigger, days) : trigger + days) + 1;
}

function merge(episodes: readonly Episode[]): Episode {
  if (episodes.length === 1) return episodes[0]!;
  const facts = new Map<string, RecordEffect>();
  for (const e of episodes) for (const f of e.facts) facts.set(f.record.id, f);
  return {
    trigger: Math.min(...episodes.map((e) => e.trigger)),
    start: Math.min(...episodes.map((e) => e.start)),
    end: Math.max(...episodes.map((e) => e.end)),
    facts: [...facts.values()],
  };
}

function toMembership(list: CompiledList, state: MembershipState, e: Episode): ListMembership {
  const s = list.source;
  const because = e.facts.map((f) => factOf(f.record));
  const remedies: Remedies = {
    earlyRemovalFrom: s.earlyRemoval ? fromDay(addDuration(e.start, s.earlyRemoval.after)) : undefined,
    earlyRemovalConditions: s.earlyRemoval?.conditions ?? [],
    repairable: s.repair.repairable,
    repairConditions: s.repair.conditions ?? [],
    objection: s.objection,
  };
  return {
    listId: s.id,
    kind: s.kind,
    state,
    triggeredOn: fromDay(e.trigger),
    start: fromDay(e.start),
    end: e.end === NEVER ? undefined : fromDay(e.end),
    authority: s.authority,
    legalBasis: s.legalBasis,
    remedies,
    because,
    disputed: because.some((f) => f.disputed),
  };
}
