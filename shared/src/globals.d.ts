// The two globals shared/ may use: TextEncoder and TextDecoder exist in Node and in every browser, but in
// neither lib of this package's strict, platform-free compile (no "dom", no @types/node), so they are declared
// here, only as much as shared/ uses them.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
