// Mirrors src/tnetstrings.c: tnetstrings (`LEN:DATA` + a type tag), the encoding Mongrel2 uses for filter
// settings, access-log lines, control-port messages and tnetstring handler requests.
// Tags: `,` string, `#` integer, `^` float, `!` boolean, `~` null, `]` list, `}` dict (keys are strings).

/** A decoded tnetstring value; dicts keep their order. */
export type TnsValue = string | number | boolean | null | TnsValue[] | TnsDict;
/** A tnetstring dict, in the order it was written. */
export type TnsDict = Map<string, TnsValue>;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

/** A tnetstring that does not parse, with the byte offset where it went wrong. */
export class TnsError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
    this.name = 'TnsError';
  }
}

/** The UTF-8 length of a string, without encoding it (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

function frame(payload: string, tag: string): string {
  return `${utf8Length(payload)}:${payload}${tag}`;
}

/** Renders a value as tnetstring text (lengths count UTF-8 bytes). */
export function renderTns(value: TnsValue): string {
  if (value === null) return '0:~';
  if (typeof value === 'boolean') return value ? '4:true!' : '5:false!';
  if (typeof value === 'number') {
    return Number.isInteger(value) ? frame(String(value), '#') : frame(String(value), '^');
  }
  if (typeof value === 'string') return frame(value, ',');
  if (Array.isArray(value)) return frame(value.map(renderTns).join(''), ']');
  let body = '';
  for (const [k, v] of value) body += renderTns(k) + renderTns(v);
  return frame(body, '}');
}

/** Parses one tnetstring at `offset` of `bytes`; returns the value and the offset just past it. */
export function decodeTns(bytes: Uint8Array, offset = 0): { value: TnsValue; end: number } {
  let i = offset;
  let len = 0;
  const start = i;
  while (i < bytes.length && bytes[i]! >= 0x30 && bytes[i]! <= 0x39) {
    len = len * 10 + (bytes[i]! - 0x30);
    i++;
    if (i - start > 9) throw new TnsError('tnetstring length is too long', start);
  }
  if (i === start) throw new TnsError('tnetstring must start with a length', start);
  if (bytes[i] !== 0x3a) throw new TnsError("tnetstring length must be followed by ':'", i);
  const dataStart = i + 1;
  const dataEnd = dataStart + len;
  if (dataEnd >= bytes.length) throw new TnsError('tnetstring is shorter than its length', dataStart);
  const tag = String.fromCharCode(bytes[dataEnd]!);
  const data = bytes.subarray(dataStart, dataEnd);
  const end = dataEnd + 1;
  const text = () => decoder.decode(data);
  switch (tag) {
    case ',':
      return { value: text(), end };
    case '#': {
      if (!/^-?\d+$/.test(text())) throw new TnsError(`invalid tnetstring integer '${text()}'`, dataStart);
      return { value: Number(text()), end };
    }
    case '^': {
      const n = Number(text());
      if (text() === '' || Number.isNaN(n)) throw new TnsError(`invalid tnetstring float '${text()}'`, dataStart);
      return { value: n, end };
    }
    case '!':
      if (text() === 'true') return { value: true, end };
      if (text() === 'false') return { value: false, end };
      throw new TnsError(`invalid tnetstring boolean '${text()}'`, dataStart);
    case '~':
      if (len !== 0) throw new TnsError('tnetstring null must be empty', dataStart);
      return { value: null, end };
    case ']': {
      const list: TnsValue[] = [];
      for (let p = dataStart; p < dataEnd; ) {
        const item = decodeTns(bytes.subarray(0, dataEnd + 1), p);
        if (item.end > dataEnd) throw new TnsError('list item runs past the list', p);
        list.push(item.value);
        p = item.end;
      }
      return { value: list, end };
    }
    case '}': {
      const dict: TnsDict = new Map();
      for (let p = dataStart; p < dataEnd; ) {
        const key = decodeTns(bytes.subarray(0, dataEnd + 1), p);
        if (typeof key.value !== 'string') throw new TnsError('dict keys must be strings', p);
        if (key.end >= dataEnd) throw new TnsError('dict key has no value', key.end);
        const val = decodeTns(bytes.subarray(0, dataEnd + 1), key.end);
        if (val.end > dataEnd) throw new TnsError('dict value runs past the dict', key.end);
        dict.set(key.value, val.value);
        p = val.end;
      }
      return { value: dict, end };
    }
    default:
      throw new TnsError(`invalid tnetstring type tag '${tag}'`, dataEnd);
  }
}

/** Parses a whole tnetstring given as text; trailing bytes are an error. */
export function parseTns(text: string): TnsValue {
  const bytes = encoder.encode(text);
  const { value, end } = decodeTns(bytes);
  if (end !== bytes.length) throw new TnsError('trailing data after the tnetstring', end);
  return value;
}
