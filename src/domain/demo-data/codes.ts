/**
 * Mints identifier values that are well-formed and unique within one generated data set: each kind draws from
 * its own serial number, spread over the value space by a {@link Spread}, and carries the real check characters
 * (computed by the identifier domain, never re-implemented here).
 */
import { organizationCodeCheckCharacter, usccCheckCharacter } from '../identifiers/uscc.js';
import { leiCheckDigits } from '../identifiers/lei.js';
import { Spread, type Random } from './random.js';

/** GB 32100 code charset (no I, O, Z, S, V). */
const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function toBase(value: number, alphabet: string, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = alphabet.charAt(value % alphabet.length) + out;
    value = Math.floor(value / alphabet.length);
  }
  return out;
}

const digits = (value: number, width: number) => String(value).padStart(width, '0');

/** Per-data-set offsets, so that two seeds give different identifiers for the same serial. */
export interface CodeSalts {
  readonly organisation: number;
  readonly brn: number;
  readonly cr: number;
  readonly moReg: number;
  readonly aeo: number;
  readonly lei: number;
}

/** Draws the salts of one data set. */
export function drawCodeSalts(rng: Random): CodeSalts {
  const salt = () => rng.int(0x7fffffff);
  return { organisation: salt(), brn: salt(), cr: salt(), moReg: salt(), aeo: salt(), lei: salt() };
}

const MODERN_BODIES = new Spread(31 ** 6);
const LEGACY_BODIES = new Spread(1e8);
const BRNS = new Spread(70_000_000);
const CR_NUMBERS = new Spread(3_000_000);
const MAINLAND_AEO_SERIALS = new Spread(1e6);
const HK_AEO_SERIALS = new Spread(1e10);
const MO_AEO_SERIALS = new Spread(1e9);
const LEI_SERIALS = new Spread(36 ** 8);

/**
 * A USCC for an enterprise (prefix 91) registered in `division`: positions 9–17 are a GB 11714 organisation
 * code, new-style `MA…` when `modern` (issued since the 2015 reform) or an eight-digit legacy code.
 * Unique per `serial` below 10^8.
 */
export function mintUscc(division: string, serial: number, modern: boolean, salts: CodeSalts): string {
  const body = modern
    ? `MA${toBase(MODERN_BODIES.at(serial, salts.organisation), USCC_CHARSET, 6)}`
    : digits(LEGACY_BODIES.at(serial, salts.organisation), 8);
  const first17 = `91${division}${body}${organizationCodeCheckCharacter(body)}`;
  return first17 + usccCheckCharacter(first17);
}

/** An 8-digit HK Business Registration Number, unique per `serial` below 7×10^7. */
export function mintHkBrn(serial: number, salts: CodeSalts): string {
  return String(10_000_000 + BRNS.at(serial, salts.brn));
}

/** A legacy HK Companies Registry number, zero-padded to 8 digits as ICRIS shows it. */
export function mintHkCr(serial: number, salts: CodeSalts): string {
  return digits(1 + CR_NUMBERS.at(serial, salts.cr), 8);
}

/**
 * The range of Macau commercial registration numbers for a data set of `capacity` entities: as few digits as
 * its size allows (five for up to 90,000 entities).
 */
export function moRegistrationRange(capacity: number): Spread {
  let floor = 10_000;
  while (floor * 9 < capacity && floor < 1e9) floor *= 10;
  return new Spread(floor * 9);
}

/** A Macau commercial registration number from `range`, unique per `serial` below its size. */
export function mintMoReg(serial: number, range: Spread, salts: CodeSalts): string {
  return String(range.modulus / 9 + range.at(serial, salts.moReg));
}

/** A Mainland customs AEO code: `AEOCN` + the 10-digit customs enterprise code of a firm in `customsArea`. */
export function mintMainlandAeo(customsArea: string, serial: number, salts: CodeSalts): string {
  return `AEOCN${customsArea}${digits(MAINLAND_AEO_SERIALS.at(serial, salts.aeo), 6)}`;
}

/** A Hong Kong AEO code of 15 characters (`HKAEO` + 10 digits; the real layout is unpublished, BRIEF §2.3). */
export function mintHkAeo(serial: number, salts: CodeSalts): string {
  return `HKAEO${digits(HK_AEO_SERIALS.at(serial, salts.aeo), 10)}`;
}

/** A Macao AEO code: `MO` + 9 digits. */
export function mintMoAeo(serial: number, salts: CodeSalts): string {
  return `MO${digits(MO_AEO_SERIALS.at(serial, salts.aeo), 9)}`;
}

/** An ISO 17442 LEI under the `5493` issuer prefix, with valid MOD 97-10 check digits. */
export function mintLei(serial: number, rng: Random, salts: CodeSalts): string {
  let random = '';
  for (let i = 0; i < 4; i++) random += ALPHANUMERIC.charAt(rng.int(36));
  const first18 = `549300${random}${toBase(LEI_SERIALS.at(serial, salts.lei), ALPHANUMERIC, 8)}`;
  return first18 + leiCheckDigits(first18);
}
