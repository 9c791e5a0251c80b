// The part of madge's API the tests use (madge ships no types).
declare module 'madge' {
  interface MadgeResult {
    /** Module path -> the paths it imports. */
    obj(): Record<string, string[]>;
  }
  export default function madge(path: string, config?: Record<string, unknown>): Promise<MadgeResult>;
}
