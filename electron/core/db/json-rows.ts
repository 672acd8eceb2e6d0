/**
 * Bulk writers hand SQLite thousands of rows as one JSON array, read with `jsonb_each(CAST(? AS TEXT))`.
 * Joining the rows into one JavaScript string cost ~40 ms per 5,000 history rows on the main thread:
 * the multi-megabyte string is copied when flattened, measured and encoded to UTF-8 by the driver, and
 * each such allocation page-faults anew. Encoding row by row into one reused buffer cost ~3 ms, and the
 * driver copies a buffer parameter (bound as a BLOB, hence the CAST) before its call returns.
 */
const encoder = new TextEncoder();
let buffer = Buffer.allocUnsafe(1 << 20);

/**
 * Call `use` with the UTF-8 bytes of `[item,item,…]`, where every item is JSON text from JSON.stringify
 * (so it holds no lone surrogates). The bytes are only valid during the call: pass them to the driver
 * there, synchronously.
 */
export function withJsonArray<T>(items: readonly string[], use: (bytes: Buffer) => T): T {
  let length = 0;
  const put = (byte: number) => {
    ensure(length + 1);
    buffer[length++] = byte;
  };
  put(0x5b); // [
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as string;
    if (i > 0) put(0x2c); // ,
    ensure(length + item.length * 3);
    length += encoder.encodeInto(item, buffer.subarray(length)).written;
  }
  put(0x5d); // ]
  return use(buffer.subarray(0, length));

  function ensure(size: number) {
    if (size <= buffer.length) return;
    let next = buffer.length * 2;
    while (next < size) next *= 2;
    const grown = Buffer.allocUnsafe(next);
    buffer.copy(grown, 0, 0, length);
    buffer = grown;
  }
}
