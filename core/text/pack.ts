/**
 * Integer arrays packed into one base64 string for storage.local. Chromium stores each value of an
 * array as its own entry and converts it one by one on every read; the match index's automaton is
 * tens of thousands of numbers, read on every page load. As a string it is one value, converted at
 * once, and decoded here in about a millisecond.
 *
 * Format: 'w' + base64 of little-endian 16-bit units when every value fits, else 'd' + 32-bit.
 */

export type PackedInts = string;

export function packInts(values: readonly number[]): PackedInts {
  const narrow = values.every((v) => Number.isInteger(v) && v >= 0 && v <= 0xffff);
  const typed = narrow ? Uint16Array.from(values) : Int32Array.from(values);
  const bytes = new Uint8Array(typed.buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return (narrow ? 'w' : 'd') + btoa(binary);
}

/** The numbers back, from a packed string or (an older index) a plain array. */
export function unpackInts(value: PackedInts | readonly number[]): ArrayLike<number> {
  if (typeof value !== 'string') return value;
  const bytes = fromBase64(value.slice(1));
  return value[0] === 'w' ? new Uint16Array(bytes.buffer) : new Int32Array(bytes.buffer);
}

/** Native `Uint8Array.fromBase64` where the engine has it (Chromium 140+, Firefox 133+), else atob. */
function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
