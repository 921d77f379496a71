/** Google's WOFF2 encoder and decoder in WebAssembly (the package ships no types). */
declare module 'wawoff2' {
  /** A WOFF2 file as a TrueType/OpenType (sfnt) file. */
  export function decompress(woff2: Uint8Array): Promise<Uint8Array>;
  /** An sfnt file as WOFF2. */
  export function compress(sfnt: Uint8Array): Promise<Uint8Array>;
}
