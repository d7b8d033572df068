/** Macau companies keyed by commercial registration number, with a Macao AEO code for some traders. */
import type { EntityLineInput } from '../interchange.js';
import type { EntityStatus } from '../taxonomy.js';
import type { DayCalendar } from './calendar.js';
import { mintLei, mintMoAeo, mintMoReg, moRegistrationRange, type CodeSalts } from './codes.js';
import { drawFormerNames, drawRegisteredDay, type EntitySource, type GeneratedEntity } from './entities.js';
import { drawMoNaming } from './names-mo.js';
import type { Random, Spread, Weighted } from './random.js';
import type { MoSubject } from './records-mo.js';

const FIRST_REGISTRATION = '1985-01-01';
const STATUSES: readonly Weighted<EntityStatus>[] = [
  [88, 'active'],
  [12, 'dissolved'],
];

/** Generates Macau entity lines; `capacity` (the number of entities) sizes the registration numbers. */
export class MoEntitySource implements EntitySource<MoSubject> {
  private readonly firstDay: number;
  private readonly registrations: Spread;
  private aeoSerial = 0;
  private leiSerial = 0;

  constructor(
    private readonly rng: Random,
    private readonly calendar: DayCalendar,
    private readonly salts: CodeSalts,
    capacity: number,
  ) {
    this.firstDay = calendar.dayOf(FIRST_REGISTRATION);
    this.registrations = moRegistrationRange(capacity);
  }

  next(serial: number): GeneratedEntity<MoSubject> {
    const { rng, calendar, salts } = this;
    const registration = mintMoReg(serial, this.registrations, salts);
    const registeredDay = drawRegisteredDay(rng, calendar, this.firstDay);
    const naming = drawMoNaming(rng);
    const identifiers: EntityLineInput['identifiers'] = [{ scheme: 'mo-reg', value: registration }];
    const aeo = rng.chance(naming.industry.domains.includes('customs') ? 0.08 : 0.01);
    if (aeo) identifiers.push({ scheme: 'aeo', value: mintMoAeo(this.aeoSerial++, salts) });
    if (rng.chance(0.005)) identifiers.push({ scheme: 'lei', value: mintLei(this.leiSerial++, rng, salts) });
    const names = naming.names;
    if (rng.chance(0.05)) names.push(...drawFormerNames(rng, calendar, registeredDay, drawMoNaming(rng).names));
    return {
      line: {
        type: 'entity',
        jurisdiction: 'MO',
        identifiers,
        names,
        legalForm: naming.legalForm,
        status: rng.weighted(STATUSES),
        registeredOn: calendar.isoOf(registeredDay),
      },
      subject: { ref: `mo-reg:${registration}`, primaryId: registration, registeredDay, industry: naming.industry, aeo },
    };
  }
}
