/**
 * Text normalisation for OCR output: what is stored and indexed (`normaliseOcrText`), and what the
 * character error rate is computed on (`cerNormalise`: whitespace removed, NFKC, punctuation folded).
 */

// Han ideographs (incl. extensions and compatibility), kana, CJK symbols/punctuation, full-width forms.
const CJK = /[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3134f}]/u;

const PUNCT = /[\p{P}\p{S}]/u;

/**
 * One line: NFKC, whitespace runs collapsed, and a space dropped when it touches a CJK character, or
 * punctuation that itself touches one ("代码: 9133" → "代码:9133"); kept between Latin words and numbers.
 */
export function normaliseOcrLine(line: string): string {
  const chars = Array.from(line.normalize('NFKC').replace(/\s+/gu, ' ').trim());
  const cjkish = (i: number, step: number): boolean => {
    const c = chars[i] ?? '';
    if (CJK.test(c)) return true;
    let j = i + step;
    while (chars[j] === ' ') j += step;
    return PUNCT.test(c) && CJK.test(chars[j] ?? '');
  };
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    if (c === ' ' && (cjkish(i - 1, -1) || cjkish(i + 1, 1))) continue;
    out += c;
  }
  return out;
}

// GB 32100: the 统一社会信用代码 alphabet has no I, O, S, V, Z; tesseract (chi_sim) reads 0 as O and 1 as I.
const CODE_LOOKALIKE: Record<string, string> = { O: '0', I: '1', Z: '2', S: '5' };
const CREDIT_CODE_RUN = /(?<![0-9A-Za-z])[1-9ANY][1-9][0-9A-Z]{16}(?![0-9A-Za-z])/g;

/**
 * Within an 18-character run shaped like a 统一社会信用代码 (registration authority, category, 16 more),
 * letters the code's alphabet never uses are read as the digit they resemble. Length is unchanged, so
 * word boxes stay valid.
 */
export function repairCreditCodes(text: string): string {
  return text.replace(CREDIT_CODE_RUN, (run) => run.replace(/[OIZS]/g, (c) => CODE_LOOKALIKE[c] as string));
}

/** Page text for storage and indexing: each line normalised, empty lines dropped, joined with \n. */
export function normaliseOcrText(text: string): string {
  return text.split(/\r?\n/).map(normaliseOcrLine).filter((l) => l.length > 0).join('\n');
}

// Punctuation that NFKC leaves alone, folded to the ASCII form NFKC gives the full-width variants.
const PUNCT_FOLD: Record<string, string> = {
  '。': '.', '｡': '.', '、': ',', '“': '"', '”': '"', '„': '"', '‘': "'", '’': "'", '《': '<', '》': '>', '〈': '<', '〉': '>',
  '【': '[', '】': ']', '〔': '[', '〕': ']', '〖': '[', '〗': ']', '「': '"', '」': '"', '『': '"', '』': '"',
  '—': '-', '–': '-', '―': '-', '‐': '-', '−': '-', '…': '...', '·': '.', '•': '.', '～': '~', '〜': '~',
};

/** For character error rates: NFKC, punctuation folded, all whitespace removed. */
export function cerNormalise(text: string): string {
  let out = '';
  for (const c of text.normalize('NFKC')) {
    if (/\s/u.test(c)) continue;
    out += PUNCT_FOLD[c] ?? c;
  }
  return out.normalize('NFKC');
}

/** Levenshtein distance on code points. */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev = new Int32Array(y.length + 1);
  let cur = new Int32Array(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    const xi = x[i - 1];
    for (let j = 1; j <= y.length; j++) {
      const sub = (prev[j - 1] as number) + (xi === y[j - 1] ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length] as number;
}

/** Character error rate of `hyp` against `truth` (both `cerNormalise`d): edits / truth length. */
export function characterErrorRate(truth: string, hyp: string): number {
  const t = cerNormalise(truth);
  const h = cerNormalise(hyp);
  if (t.length === 0) return h.length === 0 ? 0 : 1;
  return editDistance(t, h) / Array.from(t).length;
}
