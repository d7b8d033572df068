/**
 * Guangdong enterprises: USCC-keyed head offices across the GBA cities, a few branches (分公司, or a bank's
 * 分行/支行) registered after a recent head office and pointing at it, AEO and LEI aliases for some.
 */
import type { EntityLineInput } from '../interchange.js';
import type { EntityStatus } from '../taxonomy.js';
import type { DayCalendar } from './calendar.js';
import { mintLei, mintMainlandAeo, mintUscc, type CodeSalts } from './codes.js';
import { drawFormerNames, drawRegisteredDay, drawRegisteredDayAfter, type EntitySource, type GeneratedEntity } from './entities.js';
import { GD_BRANCH_CITIES, GD_PLACES, type GdPlace } from './gd-places.js';
import { drawGdBranchNaming, drawGdNaming, gdNames, type GdNaming } from './names-gd.js';
import type { Random, Weighted } from './random.js';
import type { GdSubject } from './records-gd.js';
import { drawTradeName, drawTradeNameLength } from './trade-names.js';

const FIRST_REGISTRATION = '1985-01-01';
/** Organisation codes of the `MA…` style are issued since the USCC reform took effect. */
const USCC_REFORM = '2015-10-01';
const BRANCH_SHARE = 0.04;
/** How many recent head offices a branch may belong to: bounded, so memory stays flat. */
const RECENT_PARENTS = 64;
const STATUSES: readonly Weighted<EntityStatus>[] = [
  [90, 'active'],
  [7, 'dissolved'],
  [3, 'struck-off'],
];

interface Parent {
  readonly naming: GdNaming;
  readonly subject: GdSubject;
}

/** Generates Guangdong entity lines. */
export class GdEntitySource implements EntitySource<GdSubject> {
  private readonly parents: Parent[] = [];
  private readonly firstDay: number;
  private readonly reformDay: number;
  private aeoSerial = 0;
  private leiSerial = 0;

  constructor(
    private readonly rng: Random,
    private readonly calendar: DayCalendar,
    private readonly salts: CodeSalts,
  ) {
    this.firstDay = calendar.dayOf(FIRST_REGISTRATION);
    this.reformDay = calendar.dayOf(USCC_REFORM);
  }

  next(serial: number): GeneratedEntity<GdSubject> {
    const parent = this.parents.length > 0 && this.rng.chance(BRANCH_SHARE) ? this.rng.pick(this.parents) : undefined;
    return parent ? this.branch(serial, parent) : this.headOffice(serial);
  }

  private headOffice(serial: number): GeneratedEntity<GdSubject> {
    const { rng, calendar } = this;
    const place = rng.weighted(GD_PLACES);
    const division = rng.pick(place.divisionCodes);
    const registeredDay = drawRegisteredDay(rng, calendar, this.firstDay);
    const uscc = mintUscc(division, serial, registeredDay >= this.reformDay, this.salts);
    const naming = drawGdNaming(rng, place, drawTradeName(rng, drawTradeNameLength(rng)));
    const identifiers: EntityLineInput['identifiers'] = [{ scheme: 'uscc', value: uscc }];
    const aeo = rng.chance(naming.industry.domains.includes('customs') ? 0.06 : 0.005);
    if (aeo) identifiers.push({ scheme: 'aeo', value: mintMainlandAeo(place.customsArea, this.aeoSerial++, this.salts) });
    if (naming.industry.bank || rng.chance(0.015)) {
      identifiers.push({ scheme: 'lei', value: mintLei(this.leiSerial++, rng, this.salts) });
    }
    const names = gdNames(naming);
    if (rng.chance(0.04)) {
      const previous = drawGdNaming(rng, place, drawTradeName(rng, drawTradeNameLength(rng)));
      names.push(...drawFormerNames(rng, calendar, registeredDay, gdNames(previous).slice(0, 1)));
    }
    const status = rng.weighted(STATUSES);
    const subject = this.subject(uscc, registeredDay, naming, aeo, place, division);
    if (status === 'active') this.remember({ naming, subject }, serial);
    return { line: this.line(identifiers, names, naming, status, registeredDay), subject };
  }

  private branch(serial: number, parent: Parent): GeneratedEntity<GdSubject> {
    const { rng, calendar } = this;
    const city = this.branchCity(parent.subject.place);
    const division = rng.pick(city.divisionCodes);
    const registeredDay = drawRegisteredDayAfter(rng, calendar, parent.subject.registeredDay);
    const uscc = mintUscc(division, serial, registeredDay >= this.reformDay, this.salts);
    const naming = drawGdBranchNaming(rng, parent.naming, city);
    const status: EntityStatus = rng.chance(0.95) ? 'active' : 'dissolved';
    const line = this.line([{ scheme: 'uscc', value: uscc }], gdNames(naming), naming, status, registeredDay);
    line.relations = [{ kind: 'branch-of', target: parent.subject.ref }];
    return { line, subject: this.subject(uscc, registeredDay, naming, false, city, division) };
  }

  /** A city other than the parent's own. */
  private branchCity(home: GdPlace): GdPlace {
    const city = this.rng.pick(GD_BRANCH_CITIES);
    return city === home ? (GD_BRANCH_CITIES[(GD_BRANCH_CITIES.indexOf(city) + 1) % GD_BRANCH_CITIES.length] as GdPlace) : city;
  }

  private remember(parent: Parent, serial: number): void {
    if (this.parents.length < RECENT_PARENTS) this.parents.push(parent);
    else this.parents[serial % RECENT_PARENTS] = parent;
  }

  private subject(uscc: string, registeredDay: number, naming: GdNaming, aeo: boolean, place: GdPlace, division: string): GdSubject {
    return { ref: `uscc:${uscc}`, primaryId: uscc, registeredDay, industry: naming.industry, aeo, place, division };
  }

  private line(
    identifiers: EntityLineInput['identifiers'],
    names: EntityLineInput['names'],
    naming: GdNaming,
    status: EntityStatus,
    registeredDay: number,
  ): EntityLineInput {
    return {
      type: 'entity',
      jurisdiction: 'GD',
      identifiers,
      names,
      legalForm: naming.legalForm,
      status,
      registeredOn: this.calendar.isoOf(registeredDay),
    };
  }
}
