/**
 * Overlapping character pairs of a name, space-separated, for the unicode61 FTS index that answers
 * 1–2 character searches (the trigram index needs 3). Spaces and punctuation break pairs.
 * "沈阳食品" → "沈阳 阳食 食品"; a single-character word is kept as itself.
 */
export function nameBigrams(name: string): string {
  const words = name.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out = new Set<string>();
  for (const word of words) {
    const chars = [...word];
    if (chars.length === 1) out.add(word);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return [...out].join(' ');
}
