/**
 * Hong Kong companies keyed by BRN, with a legacy CR No. for some older ones, a customs AEO code for some
 * traders, the odd LEI, and former names after a change of name.
 */
import type { EntityLineInput } from '../interchange.js';
import type { EntityStatus } from '../taxonomy.js';
import type { DayCalendar } from './calendar.js';
import { mintHkAeo, mintHkBrn, mintHkCr, mintLei, type CodeSalts } from './codes.js';
import { drawFormerNames, drawRegisteredDay, type EntitySource, type GeneratedEntity } from './entities.js';
import { drawHkNaming } from './names-hk.js';
import type { Random, Weighted } from './random.js';
import type { HkSubject } from './records-hk.js';

const FIRST_REGISTRATION = '1970-01-01';
/** Since phase 2 of the Unique Business Identifier the BRN replaces the CR No. (BRIEF §3.2). */
const UBI_PHASE_2 = '2023-12-27';
const STATUSES: readonly Weighted<EntityStatus>[] = [
  [85, 'active'],
  [10, 'dissolved'],
  [5, 'struck-off'],
];

/** Generates Hong Kong entity lines. */
export class HkEntitySource implements EntitySource<HkSubject> {
  private readonly firstDay: number;
  private readonly ubiDay: number;
  private crSerial = 0;
  private aeoSerial = 0;
  private leiSerial = 0;

  constructor(
    private readonly rng: Random,
    private readonly calendar: DayCalendar,
    private readonly salts: CodeSalts,
  ) {
    this.firstDay = calendar.dayOf(FIRST_REGISTRATION);
    this.ubiDay = calendar.dayOf(UBI_PHASE_2);
  }

  next(serial: number): GeneratedEntity<HkSubject> {
    const { rng, calendar, salts } = this;
    const brn = mintHkBrn(serial, salts);
    const registeredDay = drawRegisteredDay(rng, calendar, this.firstDay);
    const naming = drawHkNaming(rng);
    const identifiers: EntityLineInput['identifiers'] = [{ scheme: 'hk-brn', value: brn }];
    if (registeredDay < this.ubiDay && rng.chance(0.25)) identifiers.push({ scheme: 'hk-cr', value: mintHkCr(this.crSerial++, salts) });
    const aeo = rng.chance(naming.industry.domains.includes('customs') ? 0.1 : 0.015);
    if (aeo) identifiers.push({ scheme: 'aeo', value: mintHkAeo(this.aeoSerial++, salts) });
    if (rng.chance(0.01)) identifiers.push({ scheme: 'lei', value: mintLei(this.leiSerial++, rng, salts) });
    const names = naming.names;
    if (rng.chance(0.08)) names.push(...drawFormerNames(rng, calendar, registeredDay, drawHkNaming(rng).names));
    return {
      line: {
        type: 'entity',
        jurisdiction: 'HK',
        identifiers,
        names,
        legalForm: naming.legalForm,
        status: rng.weighted(STATUSES),
        registeredOn: calendar.isoOf(registeredDay),
      },
      subject: { ref: `hk-brn:${brn}`, primaryId: brn, registeredDay, industry: naming.industry, aeo },
    };
  }
}
