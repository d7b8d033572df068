/**
 * Checks that need the whole pack: references between files, duplicate ids, overlapping regimes. The zod
 * schemas check each file in isolation; a pack can be well-formed file by file and still name a list that
 * does not exist, which would silently disable a measure. Every such case is an error here.
 */
import { NODE_ONLY_CONTEXTS } from '../domain/policy/vocabulary.js';
import { BLOCK_CATEGORY, REQUIRED_RECORD_FIELDS } from '../exchange/agreements.js';
import type { PackIssue } from './pack-error.js';
import type { Effective, PackFileStem, PolicyPack, RatingMatch } from './pack-schema.js';

/** The file each section came from, for messages. */
export type FileNames = Readonly<Record<PackFileStem, string>>;

/** All cross-file problems of a pack whose files are individually valid; empty when the pack is consistent. */
export function crossCheckPack(pack: PolicyPack, files: FileNames): PackIssue[] {
  const issues: PackIssue[] = [];
  const add = (stem: PackFileStem, path: string, message: string) => issues.push({ file: files[stem], path, message });

  const listIds = uniqueIds(pack.lists, 'lists', (p, m) => add('lists', p, m));
  uniqueIds(pack.measures, 'measures', (p, m) => add('measures', p, m));
  const schemeIds = uniqueIds(pack.ratingSchemes, 'ratingSchemes', (p, m) => add('rating-schemes', p, m));
  const ruleIds = uniqueIds(pack.recognition, 'recognition', (p, m) => add('recognition', p, m));
  uniqueIds(pack.regimes, 'regimes', (p, m) => add('publication', p, m));
  pack.ratingSchemes.forEach((s, i) =>
    uniqueIds(s.grades, `ratingSchemes[${i}].grades`, (p, m) => add('rating-schemes', p, m)),
  );

  const grades = new Map(pack.ratingSchemes.map((s) => [s.id, new Set(s.grades.map((g) => g.id))]));
  const checkRating = (stem: PackFileStem, path: string, match: RatingMatch) => {
    const known = grades.get(match.scheme);
    if (!known) {
      add(stem, `${path}.scheme`, `rating scheme "${match.scheme}" is not defined in ${files['rating-schemes']} (known: ${[...schemeIds].join(', ') || 'none'})`);
      return;
    }
    match.grades.forEach((g, k) => {
      if (!known.has(g)) add(stem, `${path}.grades[${k}]`, `grade "${g}" is not a grade of rating scheme "${match.scheme}" (known: ${[...known].join(', ')})`);
    });
  };

  pack.lists.forEach((list, i) =>
    list.entry.anyOf.forEach((rule, j) => {
      if (rule.rating) checkRating('lists', `lists[${i}].entry.anyOf[${j}].rating`, rule.rating);
    }),
  );

  pack.measures.forEach((m, i) => {
    const path = `measures[${i}].trigger`;
    const t = m.trigger;
    if ('list' in t && !listIds.has(t.list)) {
      add('measures', `${path}.list`, `list "${t.list}" is not defined in ${files.lists} (known: ${[...listIds].join(', ') || 'none'})`);
    } else if ('rating' in t) {
      checkRating('measures', `${path}.rating`, t.rating);
    } else if ('recognised' in t) {
      const rule = pack.recognition.find((r) => r.id === t.recognised);
      if (!rule) add('measures', `${path}.recognised`, `recognition rule "${t.recognised}" is not defined in ${files.recognition} (known: ${[...ruleIds].join(', ') || 'none'})`);
      else if (!rule.contexts.includes(m.context)) add('measures', `${path}.recognised`, `recognition rule "${t.recognised}" does not cover context "${m.context}"`);
    }
    const owner = NODE_ONLY_CONTEXTS[m.context];
    if (owner && owner !== pack.manifest.node) {
      add('measures', `measures[${i}].context`, `context "${m.context}" exists only in the ${owner} pack`);
    }
  });

  pack.recognition.forEach((r, i) => {
    const path = `recognition[${i}]`;
    if (r.foreign.node === pack.manifest.node) add('recognition', `${path}.foreign.node`, `recognition is for foreign statuses; "${r.foreign.node}" is this pack's own node`);
    const known = grades.get(r.local.scheme);
    if (!known) add('recognition', `${path}.local.scheme`, `local status names rating scheme "${r.local.scheme}", which is not defined in ${files['rating-schemes']}`);
    else if (!known.has(r.local.grade)) add('recognition', `${path}.local.grade`, `local status names grade "${r.local.grade}", which is not a grade of "${r.local.scheme}"`);
    r.contexts.forEach((c, k) => {
      const owner = NODE_ONLY_CONTEXTS[c];
      if (owner && owner !== pack.manifest.node) add('recognition', `${path}.contexts[${k}]`, `context "${c}" exists only in the ${owner} pack`);
    });
  });

  // A record (or a filing) must be judged under exactly one regime, so regime ranges may not overlap.
  noOverlaps(pack.regimes, 'regimes', 'a record must fall under exactly one regime', (p, m) => add('publication', p, m));
  const { objections, repair } = pack.dueProcess;
  uniqueIds(objections, 'dueProcess.objections', (p, m) => add('due-process', p, m));
  uniqueIds(repair, 'dueProcess.repair', (p, m) => add('due-process', p, m));
  noOverlaps(objections, 'dueProcess.objections', 'an objection must fall under exactly one regime', (p, m) => add('due-process', p, m));
  noOverlaps(repair, 'dueProcess.repair', 'a repair application must fall under exactly one regime', (p, m) => add('due-process', p, m));

  checkAgreements(pack, checkRating, add);
  checkUnverified(pack, add);
  checkCalendar(pack, add);
  return issues;
}

function noOverlaps(items: readonly { id: string; effective: Effective }[], path: string, why: string, report: (path: string, message: string) => void): void {
  const sorted = items.map((r, i) => ({ r, i })).sort((a, b) => (a.r.effective.from < b.r.effective.from ? -1 : 1));
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!;
    const next = sorted[k]!;
    if (overlaps(prev.r.effective, next.r.effective)) {
      report(`${path}[${next.i}].effective`, `regime "${next.r.id}" overlaps regime "${prev.r.id}" (${prev.r.effective.from} to ${prev.r.effective.to ?? 'open'}); ${why}`);
    }
  }
}

function overlaps(a: Effective, b: Effective): boolean {
  return (a.to === undefined || b.from <= a.to) && (b.to === undefined || a.from <= b.to);
}

function uniqueIds(items: readonly { id: string }[], path: string, report: (path: string, message: string) => void): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) report(`${path}[${i}].id`, `duplicate id "${item.id}"`);
    seen.add(item.id);
  });
  return seen;
}

type Add = (stem: PackFileStem, path: string, message: string) => void;

/** An `unverified` marker must name a field that exists, or the documentation of what is unchecked lies. */
function checkUnverified(pack: PolicyPack, add: Add): void {
  const sections: [PackFileStem, string, readonly object[]][] = [
    ['lists', 'lists', pack.lists],
    ['rating-schemes', 'ratingSchemes', pack.ratingSchemes],
    ['publication', 'regimes', pack.regimes],
    ['measures', 'measures', pack.measures],
    ['recognition', 'recognition', pack.recognition],
    ['calendar', 'calendar', [pack.calendar]],
    ['due-process', 'dueProcess.objections', pack.dueProcess.objections],
    ['due-process', 'dueProcess.repair', pack.dueProcess.repair],
    ['agreements', 'agreements', pack.agreements],
  ];
  for (const [stem, key, items] of sections) {
    items.forEach((item, i) => {
      const marks = (item as { unverified?: { field: string }[] }).unverified ?? [];
      marks.forEach((mark, k) => {
        const head = /^[A-Za-z]+/.exec(mark.field)?.[0] ?? '';
        if (!(head in item)) {
          const at = key === 'calendar' ? 'calendar' : `${key}[${i}]`;
          add(stem, `${at}.unverified[${k}].field`, `"${mark.field}" is not a field of this item`);
        }
      });
    });
  }
}

/**
 * Sharing agreements: with a partner (never this node), one in force at a time per partner, each category once,
 * the fields a partner needs named, block fields only for their category, rating filters naming this pack's
 * schemes and grades.
 */
function checkAgreements(pack: PolicyPack, checkRating: (stem: PackFileStem, path: string, match: RatingMatch) => void, add: Add): void {
  uniqueIds(pack.agreements, 'agreements', (p, m) => add('agreements', p, m));
  for (const partner of new Set(pack.agreements.map((a) => a.partner))) {
    const withPartner = pack.agreements.map((a, i) => ({ a, i })).filter(({ a }) => a.partner === partner);
    const sorted = [...withPartner].sort((x, y) => (x.a.effective.from < y.a.effective.from ? -1 : 1));
    for (let k = 1; k < sorted.length; k++) {
      const prev = sorted[k - 1]!;
      const next = sorted[k]!;
      if (overlaps(prev.a.effective, next.a.effective)) {
        add('agreements', `agreements[${next.i}].effective`, `agreement "${next.a.id}" overlaps agreement "${prev.a.id}" with ${partner}; one agreement per partner is in force at a time`);
      }
    }
  }
  pack.agreements.forEach((a, i) => {
    const path = `agreements[${i}]`;
    if (a.partner === pack.manifest.node) add('agreements', `${path}.partner`, `an agreement is with a partner node; "${a.partner}" is this pack's own node`);
    const categories = new Set<string>();
    a.records.forEach((terms, j) => {
      const at = `${path}.records[${j}]`;
      if (categories.has(terms.category)) add('agreements', `${at}.category`, `category "${terms.category}" is already shared by this agreement`);
      categories.add(terms.category);
      const fields = new Set<string>();
      terms.fields.forEach((f, k) => {
        if (fields.has(f)) add('agreements', `${at}.fields[${k}]`, `field "${f}" is named twice`);
        fields.add(f);
        const block = BLOCK_CATEGORY[f];
        if (block && block !== terms.category) add('agreements', `${at}.fields[${k}]`, `"${f}" belongs only to ${block} records`);
      });
      for (const required of REQUIRED_RECORD_FIELDS) {
        if (!fields.has(required)) add('agreements', `${at}.fields`, `must name "${required}": the partner cannot file a record without it`);
      }
      if (terms.ratings) {
        if (terms.category !== 'rating') add('agreements', `${at}.ratings`, 'ratings narrow rating records only');
        terms.ratings.forEach((r, k) => checkRating('agreements', `${at}.ratings[${k}]`, r));
      }
    });
  });
}

function checkCalendar(pack: PolicyPack, add: Add): void {
  for (const [year, days] of Object.entries(pack.calendar.years)) {
    for (const [key, dates] of [['holidays', days.holidays], ['workingDays', days.workingDays ?? []]] as const) {
      dates.forEach((d, k) => {
        if (!d.startsWith(`${year}-`)) add('calendar', `calendar.years.${year}.${key}[${k}]`, `${d} is not in ${year}`);
      });
    }
  }
}
