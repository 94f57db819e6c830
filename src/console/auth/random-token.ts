import { randomBytes } from "node:crypto";

/** 32 random bytes (256 bits), URL-safe: session ids, CSRF tokens and the state of an Nmbrs consent. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}
