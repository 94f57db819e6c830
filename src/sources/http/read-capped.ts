/**
 * Reads an answer's body chunk by chunk, handing each chunk to `take`, and cancels it as soon as it has passed
 * `maxBytes`, throwing `tooLarge()`: a hostile or broken server cannot make the gateway hold an answer of any size.
 * Returns the bytes read. Each caller keeps the chunks as it needs them (the Nmbrs transport hashes them for the raw
 * digest and decodes them only when the answer is read; the OAuth requests hand the bytes to oauth4webapi).
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  tooLarge: () => Error,
  take: (chunk: Uint8Array) => void,
): Promise<number> {
  let bytes = 0;
  if (!body) return bytes;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    take(value);
  }
}
