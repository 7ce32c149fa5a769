/**
 * A 53-bit hash of a text after normalising case, whitespace and trailing punctuation, for
 * finding duplicates (cyrb53). 0 means "no text": empty texts are never duplicates of each other.
 */
export function textHash(text: string | null | undefined): number {
  if (!text) return 0;
  const s = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  if (s.length < 8) return 0; // "Nice!", "+1": too short to call a copy
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0) || 1;
}
