import { Converter } from 'opencc-js/t2cn';

let toSimplified: ((text: string) => string) | undefined;

/**
 * Converts Hong Kong Traditional text to Mainland Simplified with OpenCC (`hk` → `cn`).
 *
 * The converter is built on first use and then reused: building it loads the dictionaries (tens to
 * hundreds of milliseconds), converting a short name afterwards costs microseconds. It holds no state
 * that depends on input, so sharing it keeps every caller pure.
 *
 * @example traditionalToSimplified('騰訊科技（深圳）有限公司') // '腾讯科技（深圳）有限公司'
 */
export function traditionalToSimplified(text: string): string {
  const convert = (toSimplified ??= Converter({ from: 'hk', to: 'cn' }));
  return convert(text);
}
