import type { ServerResponse } from "node:http";

const CHUNK_BYTES = 64 * 1024;

/**
 * Streams XML pieces as ~64 KB chunks, waiting for the socket to drain, so a 100 MB response costs one chunk of
 * memory. Stops quietly when the client has gone away (a client that aborts at its size cap is not an error).
 * Returns the bytes written; with `limitBytes` it stops after that many (a truncated response).
 */
export async function writeChunks(
  response: ServerResponse,
  pieces: Iterable<string>,
  limitBytes = Number.POSITIVE_INFINITY,
): Promise<number> {
  let pending: string[] = [];
  let pendingLength = 0;
  let written = 0;
  const flush = async (): Promise<boolean> => {
    let chunk = Buffer.from(pending.join(""), "utf8");
    pending = [];
    pendingLength = 0;
    if (written + chunk.length > limitBytes) chunk = chunk.subarray(0, limitBytes - written);
    written += chunk.length;
    if (response.destroyed) return false;
    if (!response.write(chunk)) await drained(response);
    return !response.destroyed && written < limitBytes;
  };
  for (const piece of pieces) {
    pending.push(piece);
    // String length undercounts UTF-8 bytes a little; the chunk size only needs to be roughly right.
    pendingLength += piece.length;
    if (pendingLength >= CHUNK_BYTES && !(await flush())) return written;
  }
  if (pendingLength > 0) await flush();
  return written;
}

function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      response.off("drain", done);
      response.off("close", done);
      resolve();
    };
    response.on("drain", done);
    response.on("close", done);
  });
}
