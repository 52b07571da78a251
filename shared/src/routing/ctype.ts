// Mirrors the <ctype.h> tests src/pattern.c relies on (isalpha, isdigit, ...), in the C locale, plus its
// class-letter dispatch (`\a`, `\d`, ... and their uppercase negations).
// Bytes arrive as signed chars (-128..127), the way the C code passes them: only ASCII is ever classified,
// bytes >= 0x80 belong to no class (glibc's C locale leaves them unclassified).

const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isAlpha = (c: number): boolean => isUpper(c) || isLower(c);
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAlnum = (c: number): boolean => isAlpha(c) || isDigit(c);
const isCntrl = (c: number): boolean => (c >= 0 && c < 0x20) || c === 0x7f;
const isSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);
const isPunct = (c: number): boolean => c > 0x20 && c < 0x7f && !isAlnum(c);
const isXDigit = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

const CLASS_TESTS: ReadonlyMap<number, (c: number) => boolean> = new Map([
  [0x61 /* a */, isAlpha],
  [0x63 /* c */, isCntrl],
  [0x64 /* d */, isDigit],
  [0x6c /* l */, isLower],
  [0x70 /* p */, isPunct],
  [0x73 /* s */, isSpace],
  [0x75 /* u */, isUpper],
  [0x77 /* w */, isAlnum],
  [0x78 /* x */, isXDigit],
  [0x7a /* z */, (c: number) => c === 0],
]);

/**
 * Whether byte `c` matches the escape `\<cl>`: a class letter tests its class (an uppercase letter negates it),
 * any other byte stands for itself.
 */
export function matchClass(c: number, cl: number): boolean {
  const test = CLASS_TESTS.get(isUpper(cl) ? cl + 0x20 : cl);
  if (!test) return cl === c;
  return isLower(cl) ? test(c) : !test(c);
}
